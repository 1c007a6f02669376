import { parseDocument } from 'htmlparser2';
import { isTag, isText } from 'domhandler';
import type { ChildNode, Document, Element } from 'domhandler';
import type { Block, DocumentHints, LoadedDocument } from './document.js';
import { flattenHtml, maxTagDepth } from './markup-depth.js';
import { pushParagraphs, tidyParagraph } from './paragraphs.js';
import { layoutRows } from './table-grid.js';
import type { SourceCell } from './table-grid.js';

const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'template',
  'svg',
  'button',
  'select',
  'input',
  'textarea',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'map',
  'head',
]);

// id/class words that mark page chrome rather than the article.
const CHROME_WORD =
  /(?:^|[\s_-])(?:nav|navbar|menu|submenu|breadcrumbs?|crumbs?|footer|foot|header|top|topbar|share|bdshare|toolbar|sidebar|side|copyright|login|search|friendlink|links?|position|location|weizhi|dqwz|banner|ad|ads|advert|qrcode|ewm|print|close|pagination|pager|related|xgxx|xglj|comment)(?:$|[\s_-])/i;

// Containers that portals commonly use for the article body: hints, not requirements.
const ARTICLE_HINT =
  /(?:^|[\s_-])(?:TRS_Editor|TRS_UEDITOR|zoom|article|article-content|article_content|content|contents|con|main-content|mainContent|detail|details|text|txt|zwnr|nr|wzcon|pages_content|view|UCAP-CONTENT|Custom_UnionStyle|xxgk_content|news_content|content_text|content-text)(?:$|[\s_-])/i;

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'address',
  'figure',
  'figcaption',
  'hr',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'tbody',
  'thead',
  'tfoot',
  'body',
  'html',
  'font-block',
]);

const CJK = /[\u3400-\u9fff]/g;

const PARAGRAPH_TAGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'caption',
]);

function cjkCount(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

function idAndClass(element: Element): string {
  return `${element.attribs['id'] ?? ''} ${element.attribs['class'] ?? ''}`;
}

/** All text under a node except dropped elements', without recursion (pages nest deeply). */
function allText(root: ChildNode | Document): string {
  const parts: string[] = [];
  const stack: (ChildNode | Document)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (isText(node)) parts.push(node.data);
    else if (isTag(node) && DROPPED_TAGS.has(node.name)) continue;
    else if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return parts.join('');
}

/** Chinese characters under each element, counted once bottom-up. */
function subtreeCjk(root: Document): Map<Element, number> {
  const order: Element[] = [];
  walkElements(root, (element) => order.push(element));
  const counts = new Map<Element, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i];
    if (!element) continue;
    let count = 0;
    if (!DROPPED_TAGS.has(element.name)) {
      for (const child of element.children) {
        if (isText(child)) count += cjkCount(child.data);
        else if (isTag(child)) count += counts.get(child) ?? 0;
      }
    }
    counts.set(element, count);
  }
  return counts;
}

function walkElements(root: Document | Element, visit: (element: Element) => void): void {
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node && isTag(node)) {
      visit(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
    }
  }
}

function metaHints(doc: Document): DocumentHints {
  const hints: DocumentHints = {};
  const meta = new Map<string, string>();
  let title: string | undefined;
  walkElements(doc, (element) => {
    if (element.name === 'meta') {
      const name = (element.attribs['name'] ?? element.attribs['property'] ?? '').toLowerCase();
      const content = tidyParagraph(element.attribs['content'] ?? '');
      if (name !== '' && content !== '' && !meta.has(name)) meta.set(name, content);
    } else if (element.name === 'title' && title === undefined) {
      title = tidyParagraph(allText(element).replace(/\s+/g, ' '));
    }
  });
  const pick = (...names: string[]): string | undefined =>
    names.map((name) => meta.get(name)).find((value) => value !== undefined);
  const articleTitle = pick('articletitle', 'og:title', 'title') ?? (title === '' ? undefined : title);
  const published = pick(
    'pubdate',
    'publishdate',
    'firstpublishedtime',
    'article:published_time',
    'maketime',
  );
  const issuer = pick('contentsource', 'source', 'author');
  if (articleTitle !== undefined) hints.title = articleTitle;
  if (published !== undefined) hints.publishedOn = published;
  if (issuer !== undefined) hints.issuer = issuer;
  return hints;
}

/** Removes chrome elements in place, except one that holds most of the page's Chinese text. */
function dropChrome(root: Document, totalCjk: number): void {
  const doomed: Element[] = [];
  const counts = subtreeCjk(root);
  walkElements(root, (element) => {
    if (DROPPED_TAGS.has(element.name)) doomed.push(element);
    else if (CHROME_WORD.test(idAndClass(element)) && (counts.get(element) ?? 0) <= totalCjk * 0.5)
      doomed.push(element);
  });
  for (const element of doomed) {
    const parent = element.parent;
    if (parent) parent.children = parent.children.filter((child) => child !== element);
  }
}

/**
 * Scores each element by the Chinese text in its own paragraphs (text runs whose nearest block
 * ancestor is a direct child paragraph or the element itself), so a sidebar of short links scores low
 * and the article body scores high.
 */
function pickArticle(root: Document, body: Element | Document): Element | Document {
  const counts = subtreeCjk(root);
  const scores = new Map<Element, number>();
  const add = (element: Element | null, amount: number): void => {
    if (element) scores.set(element, (scores.get(element) ?? 0) + amount);
  };
  walkElements(body, (element) => {
    if (!BLOCK_TAGS.has(element.name) || element.name === 'body' || element.name === 'html') return;
    let prose = 0;
    let linked = 0;
    for (const child of element.children) {
      if (isText(child)) prose += cjkCount(child.data);
      else if (isTag(child) && !BLOCK_TAGS.has(child.name)) {
        if (
          child.name === 'a' ||
          (child.children.length === 1 &&
            isTag(child.children[0] as ChildNode) &&
            (child.children[0] as Element).name === 'a')
        ) {
          linked += counts.get(child) ?? 0;
        } else prose += counts.get(child) ?? 0;
      }
    }
    const cjk = prose + linked;
    if (cjk === 0) return;
    // Link text is navigation, and runs under ~10 characters are menu items, not prose.
    const weight = (prose < 10 ? prose * 0.2 : prose) + linked * 0.05;
    const parent = element.parent && isTag(element.parent) ? element.parent : null;
    // A paragraph credits its container in full and the container's parent by half; a div of text
    // broken with <br> is also a container of its own lines.
    if (!PARAGRAPH_TAGS.has(element.name)) add(element, weight);
    add(parent, weight);
    add(parent?.parent && isTag(parent.parent) ? parent.parent : null, weight * 0.5);
  });
  // Ties go to the ancestor: it is met first in document order.
  let best: Element | undefined;
  let bestScore = 0;
  walkElements(body, (element) => {
    const score = scores.get(element) ?? 0;
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  });
  if (!best) return body;
  // Widen to an ancestor when the article spreads over siblings (paragraphs split into several divs),
  // or when a known article container wraps the pick without much else.
  const bestCjk = counts.get(best) ?? 0;
  let hops = 0;
  for (
    let ancestor = best.parent;
    ancestor && isTag(ancestor) && ancestor.name !== 'body' && hops < 8;
    ancestor = ancestor.parent, hops++
  ) {
    const ancestorCjk = counts.get(ancestor) ?? 0;
    if (ARTICLE_HINT.test(idAndClass(ancestor)) && ancestorCjk <= bestCjk * 1.6) best = ancestor;
    else if (ancestorCjk > bestCjk * 1.6) break;
    else if (ancestorCjk <= bestCjk * 1.15) best = ancestor;
  }
  return best;
}

function cellSpan(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

const MAX_TABLE_DEPTH = 8;
// Real pages nest a few dozen levels; htmlparser2 slows down quadratically on thousands.
const MAX_HTML_DEPTH = 1000;

class BlockWriter {
  readonly blocks: Block[] = [];
  private line = '';

  constructor(private readonly tableDepth = 0) {}

  text(data: string): void {
    // HTML collapses ASCII whitespace only; &nbsp; and U+3000 are content (often an indent).
    this.line += data.replace(/[ \t\n\r\f]+/g, ' ');
  }

  breakLine(): void {
    pushParagraphs(this.blocks, this.line);
    this.line = '';
  }

  element(element: Element): void {
    this.children([element]);
  }

  /** Walks without recursion: portal pages can nest thousands of elements deep. */
  children(nodes: readonly ChildNode[]): void {
    type Step = { node: ChildNode } | { close: Element };
    const stack: Step[] = [];
    const pushChildren = (list: readonly ChildNode[]): void => {
      for (let i = list.length - 1; i >= 0; i--) {
        const node = list[i];
        if (node) stack.push({ node });
      }
    };
    pushChildren(nodes);
    while (stack.length > 0) {
      const step = stack.pop();
      if (!step) break;
      if ('close' in step) {
        this.breakLine();
        continue;
      }
      const node = step.node;
      if (isText(node)) {
        this.text(node.data);
        continue;
      }
      if (!isTag(node) || DROPPED_TAGS.has(node.name)) continue;
      if (node.name === 'br') {
        this.breakLine();
      } else if (node.name === 'table' && this.tableDepth < MAX_TABLE_DEPTH) {
        this.breakLine();
        this.table(node);
      } else {
        const block = BLOCK_TAGS.has(node.name);
        if (block) {
          this.breakLine();
          stack.push({ close: node });
        }
        pushChildren(node.children);
      }
    }
  }

  private table(table: Element): void {
    const rows: Element[] = [];
    const collect = (parent: Element): void => {
      for (const child of parent.children) {
        if (!isTag(child)) continue;
        if (child.name === 'tr') rows.push(child);
        else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
      }
    };
    collect(table);
    const source: SourceCell[][] = rows.map((row) =>
      row.children
        .filter((cell): cell is Element => isTag(cell) && (cell.name === 'td' || cell.name === 'th'))
        .map((cell) => ({
          text: cellText(cell, this.tableDepth + 1),
          colSpan: cellSpan(cell.attribs['colspan']),
          rowSpan: cellSpan(cell.attribs['rowspan']),
        })),
    );
    const caption = table.children.find(
      (child): child is Element => isTag(child) && child.name === 'caption',
    );
    if (caption) this.children(caption.children);
    this.breakLine();
    const width = Math.max(0, ...source.map((row) => row.length));
    const nested = source.some((row) => row.some((cell) => cell.text.length > 0)) && hasNestedTable(table);
    if (width <= 1 || nested) {
      // A one-column or nesting table lays the page out; read it as paragraphs.
      for (const row of rows) this.children(row.children);
      this.breakLine();
      return;
    }
    if (source.some((row) => row.some((cell) => cell.text !== '')))
      this.blocks.push({ kind: 'table', rows: layoutRows(source) });
  }
}

function hasNestedTable(table: Element): boolean {
  let found = false;
  walkElements(table, (element) => {
    if (element.name === 'table') found = true;
  });
  return found;
}

function cellText(cell: Element, tableDepth: number): string {
  const writer = new BlockWriter(tableDepth);
  writer.children(cell.children);
  writer.breakLine();
  return writer.blocks
    .map((block) =>
      block.kind === 'paragraph'
        ? block.text
        : block.rows.map((row) => row.cells.map((c) => c.text).join(' ')).join('\n'),
    )
    .join('\n');
}

function findBody(doc: Document): Element | Document {
  let body: Element | undefined;
  walkElements(doc, (element) => {
    if (element.name === 'body') body ??= element;
  });
  return body ?? doc;
}

/** Reads a portal page: the article's paragraphs and tables, with <title>/<meta> as hints. */
export function loadHtml(text: string, encoding: string): LoadedDocument {
  const markup = maxTagDepth(text, true) > MAX_HTML_DEPTH ? flattenHtml(text) : text;
  const doc = parseDocument(markup, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const hints = metaHints(doc);
  const body = findBody(doc);
  dropChrome(doc, cjkCount(allText(body)));
  const article = pickArticle(doc, body);
  const writer = new BlockWriter();
  if (isTag(article)) writer.element(article);
  else writer.children(article.children);
  writer.breakLine();
  return { format: 'html', encoding, blocks: writer.blocks, hints };
}
