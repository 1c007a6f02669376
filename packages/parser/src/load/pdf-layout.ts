/** A positioned run of text from a PDF page (pdf.js text item, in PDF user space: y grows upward). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PageRuns {
  runs: TextRun[];
  width: number;
  height: number;
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  page: number;
}

const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026]/;

export function isCjkBoundary(left: string, right: string): boolean {
  const a = left.slice(-1);
  const b = right.slice(0, 1);
  return CJK_CHAR.test(a) || CJK_CHAR.test(b);
}

/** Joins two pieces of one line or paragraph: no space around CJK, one space between Latin words. */
export function joinPieces(left: string, right: string): string {
  if (left === '' || right === '') return left + right;
  if (/\s$/.test(left) || /^\s/.test(right)) return left + right;
  return isCjkBoundary(left, right) ? left + right : `${left} ${right}`;
}

/**
 * Groups runs into lines by baseline, top to bottom, each left to right. Whitespace-only runs are
 * dropped: pdf.js synthesises them for gaps (and LibreOffice spaces CJK from Latin); gaps are
 * measured instead, so a CJK line does not gain spaces its author never typed.
 */
export function groupByBaseline(input: readonly TextRun[]): TextRun[][] {
  const runs = input.filter(
    (run) => run.text.trim() !== '' && Number.isFinite(run.x) && Number.isFinite(run.y),
  );
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of runs) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    const tolerance = Math.max(1, (first?.fontSize ?? run.fontSize) * 0.5);
    if (group && first && Math.abs(first.y - run.y) <= tolerance) group.push(run);
    else groups.push([run]);
  }
  for (const group of groups) group.sort((a, b) => a.x - b.x);
  return groups;
}

/** Groups a page's runs into lines by baseline, left to right. */
export function buildLines(page: PageRuns, pageIndex: number): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const group of groupByBaseline(page.runs)) {
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    let fontSize = 0;
    for (const run of group) {
      fontSize = Math.max(fontSize, run.fontSize);
      const gap = run.x - end;
      const spaced = /\s$/.test(text) || /^\s/.test(run.text);
      if (text === '' || spaced) text += run.text;
      // A wide gap is a column or cell boundary even between CJK characters.
      else if (gap > run.fontSize * 1.5) text += ` ${run.text}`;
      else if (gap > run.fontSize * 0.2 && !isCjkBoundary(text, run.text)) text += ` ${run.text}`;
      else text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    const trimmed = text.replace(/\s+$/, '');
    if (trimmed.trim() === '' || !group[0]) continue;
    lines.push({
      text: trimmed,
      x0: group[0].x,
      x1: end,
      y: group[0].y,
      fontSize: fontSize || 10,
      page: pageIndex,
    });
  }
  return lines;
}

const PAGE_NUMBER =
  /^(?:[-—–－_\s]{0,4}\d{1,4}[-—–－_\s]{0,4}|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}[,，]?\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?|\d{1,4}\s{0,2}\/\s{0,2}\d{1,4}|[Pp]age\s{0,2}\d{1,4}(?:\s{0,2}of\s{0,2}\d{1,4})?)$/;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/**
 * Drops page numbers and running headers/footers: lines at the top or bottom edge of a page that
 * are page numbers, or whose text (digits aside) repeats at the same edge on at least half the pages.
 */
export function dropRunningLines(pages: PdfLine[][], pageHeights: number[]): PdfLine[][] {
  const edgeKey = (line: PdfLine): string => line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const isEdge = (line: PdfLine, lines: PdfLine[], height: number): 'top' | 'bottom' | null => {
    const first = lines[0];
    const last = lines[lines.length - 1];
    if (line === first && line.y > height * 0.88) return 'top';
    if (line === last && line.y < height * 0.12) return 'bottom';
    if (line.y > height * 0.92) return 'top';
    if (line.y < height * 0.08) return 'bottom';
    return null;
  };
  const counts = new Map<string, number>();
  pages.forEach((lines, index) => {
    const seen = new Set<string>();
    for (const line of lines) {
      const edge = isEdge(line, lines, pageHeights[index] ?? 842);
      if (edge) seen.add(`${edge}:${edgeKey(line)}`);
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const minRepeats = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines, index) =>
    lines.filter((line) => {
      const edge = isEdge(line, lines, pageHeights[index] ?? 842);
      if (!edge) return true;
      if (isPageNumber(line.text)) return false;
      return pages.length < 2 || (counts.get(`${edge}:${edgeKey(line)}`) ?? 0) < minRepeats;
    }),
  );
}

const NUMBERING_START =
  /^[\s\u3000]{0,4}(?:[一二三四五六七八九十百]{1,4}[、.．]|[（(][一二三四五六七八九十百]{1,4}[）)]|\d{1,3}[、.．](?!\d)|[（(]\d{1,3}[）)]|[①-⑳㉑-㉟]|第[一二三四五六七八九十百]{1,4}[章节条部分])/;

export function startsWithNumbering(text: string): boolean {
  return NUMBERING_START.test(text);
}

const CLOSING = /^[”’」』）)》〉】〕，。、；：！？,.;:!?%‰]/;

/**
 * How wide (in em) the start of a line is that could not have been moved up to the previous line:
 * a Latin word or number, or one CJK character with the closing punctuation that must follow it.
 */
export function leadingChunkEm(text: string): number {
  const trimmed = text.replace(/^[\s\u3000]+/, '');
  const latin = /^[A-Za-z0-9.%‰+\-/]{1,40}/.exec(trimmed);
  let rest: string;
  let width: number;
  if (latin) {
    width = latin[0].length * 0.55;
    rest = trimmed.slice(latin[0].length);
  } else {
    width = 1;
    rest = trimmed.slice(1);
  }
  for (let i = 0; i < 4 && CLOSING.test(rest.slice(i)); i++) width += 1;
  return width;
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const value of values) {
    const key = Math.round(value);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/**
 * Rebuilds paragraphs from lines. A line ends its paragraph when it stops clearly short of the right
 * margin; the next line starts a new one when it is indented (首行缩进), starts with a numbering
 * marker, or sits well below the previous line. Wrapped CJK lines join without a space.
 */
export function buildParagraphs(lines: PdfLine[]): string[] {
  return buildParagraphSpans(lines).map((span) => span.text);
}

export interface ParagraphSpan {
  text: string;
  /** Index in `lines` of the paragraph's first line. */
  firstLine: number;
}

/**
 * buildParagraphs that also tells where each paragraph starts, and always starts a paragraph at the
 * line indices in `breakBefore` (where a table sat between two lines).
 */
export function buildParagraphSpans(
  lines: PdfLine[],
  breakBefore: ReadonlySet<number> = new Set(),
): ParagraphSpan[] {
  if (lines.length === 0) return [];
  const left = mostCommon(lines.map((line) => line.x0)) ?? 0;
  const right =
    percentile(
      lines.map((line) => line.x1),
      0.9,
    ) ?? 0;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a && b && a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  const lineGap = mostCommon(gaps);
  const paragraphs: ParagraphSpan[] = [];
  let current = '';
  let currentStart = 0;
  let previous: PdfLine | undefined;
  let first: PdfLine | undefined;
  for (const [index, line] of lines.entries()) {
    const em = line.fontSize;
    let startsNew = previous === undefined || breakBefore.has(index);
    if (previous && !startsNew) {
      const shortOfMargin = right - previous.x1 > (leadingChunkEm(line.text) + 0.6) * em;
      // A centred heading wraps onto a centred second line: not an indent when the block began flush left.
      const centred = Math.abs((line.x0 + line.x1) / 2 - (left + right) / 2) < em;
      const wrappedCentred = centred && !shortOfMargin && first !== undefined && first.x0 <= left + em * 0.8;
      const indented = line.x0 > left + em * 0.8 && !wrappedCentred;
      const gap = previous.page === line.page ? previous.y - line.y : 0;
      const farBelow =
        lineGap !== undefined ? gap > lineGap * 1.6 + 1 : gap > Math.max(previous.fontSize, em) * 2.2;
      const fontChange = Math.abs(previous.fontSize - em) > Math.max(1, em * 0.15);
      startsNew = shortOfMargin || indented || farBelow || fontChange || startsWithNumbering(line.text);
    }
    const text = line.text.replace(/^[\s\u3000]+/, '');
    if (startsNew) {
      if (current.trim() !== '') paragraphs.push({ text: current.trim(), firstLine: currentStart });
      current = text;
      currentStart = index;
      first = line;
    } else {
      current = joinPieces(current, text);
    }
    previous = line;
  }
  if (current.trim() !== '') paragraphs.push({ text: current.trim(), firstLine: currentStart });
  return paragraphs;
}
