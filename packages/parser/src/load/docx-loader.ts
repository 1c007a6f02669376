import { isTag, isText } from 'domhandler';
import type { Element } from 'domhandler';
import { ParseError } from '../errors.js';
import { DEFAULT_PARSE_LIMITS } from '../limits.js';
import type { Block, DocumentHints, LoadedDocument, TableCell, TableRow } from './document.js';
import { NumberingCounter, readNumbering, readStyles, styleNumbering } from './docx-numbering.js';
import type { StyleSheet } from './docx-numbering.js';
import { pushParagraphs, tidyParagraph } from './paragraphs.js';
import { readZipEntries } from './safe-unzip.js';
import { attr, childElements, firstChild, intVal, localName, parseXml, textContent, valOf } from './xml.js';

const DOCUMENT_XML = 'word/document.xml';
const PARTS = new Set([DOCUMENT_XML, 'word/numbering.xml', 'word/styles.xml', 'docProps/core.xml']);

// Content that is not body text, or that Word repeats elsewhere (mc:Fallback duplicates mc:Choice).
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'fldData',
  'rPr',
  'pPr',
  'drawing',
  'pict',
  'object',
  'AlternateContent',
  'commentReference',
  'footnoteReference',
  'endnoteReference',
  'sectPr',
  'tblPr',
  'tblGrid',
  'trPr',
  'tcPr',
]);

function decodeXml(bytes: Uint8Array | undefined, name: string): string | undefined {
  if (!bytes) return undefined;
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // UTF-16 parts are legal OOXML, though rare; TextDecoder drops the UTF-8 BOM itself.
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    return text;
  } catch (error) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
    throw new ParseError('corrupt_container', `The .docx part ${name} is not valid UTF-8`, { cause: error });
  }
}

class BodyReader {
  constructor(
    private readonly sheet: StyleSheet,
    private readonly counter: NumberingCounter,
  ) {}

  /** Walks block-level content: paragraphs, tables, and the containers that wrap them. */
  readBlocks(parent: Element, out: Block[]): void {
    for (const child of childElements(parent)) {
      const name = localName(child);
      if (name === 'p') pushParagraphs(out, this.paragraphText(child));
      else if (name === 'tbl') out.push({ kind: 'table', rows: this.table(child) });
      else if (!SKIPPED.has(name)) this.readBlocks(child, out);
    }
  }

  /** A paragraph's text with its generated list label; w:br and w:cr become '\n'. */
  paragraphText(p: Element): string {
    const pPr = firstChild(p, 'pPr');
    const numPr = pPr ? firstChild(pPr, 'numPr') : undefined;
    const pStyle = valOf(pPr, 'pStyle') ?? this.sheet.defaultParagraphStyle;
    const fromStyle = styleNumbering(this.sheet, pStyle);
    const numId = valOf(numPr, 'numId') ?? fromStyle.numId;
    const ilvl = intVal(valOf(numPr, 'ilvl')) ?? fromStyle.ilvl;
    const label = this.counter.next(numId, ilvl, pStyle);
    const parts: string[] = [];
    this.runText(p, parts);
    const text = parts.join('');
    return label + (label === '' ? text : text.replace(/^[ \t\u3000]+/, ''));
  }

  private runText(parent: Element, parts: string[]): void {
    for (const child of parent.children) {
      if (!isTag(child)) continue;
      const name = localName(child);
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 't':
          parts.push(child.children.map((node) => (isText(node) ? node.data : '')).join(''));
          break;
        case 'tab':
        case 'ptab':
          parts.push('\t');
          break;
        case 'br':
        case 'cr':
          parts.push('\n');
          break;
        case 'noBreakHyphen':
          parts.push('-');
          break;
        case 'p':
          // A paragraph nested in a run (text box content that escaped the skip list) still reads as a line.
          parts.push('\n', this.paragraphText(child), '\n');
          break;
        case 'tbl':
          break;
        default:
          this.runText(child, parts);
      }
    }
  }

  private cellText(tc: Element): string {
    const lines: string[] = [];
    const visit = (parent: Element): void => {
      for (const child of childElements(parent)) {
        const name = localName(child);
        if (name === 'p') {
          for (const line of this.paragraphText(child).split('\n')) {
            const tidy = tidyParagraph(line);
            if (tidy !== '') lines.push(tidy);
          }
        } else if (name === 'tbl') {
          for (const row of this.table(child)) {
            const text = row.cells
              .filter((cell) => !cell.continued && cell.text !== '')
              .map((cell) => cell.text)
              .join(' ');
            if (text !== '') lines.push(text);
          }
        } else if (!SKIPPED.has(name)) visit(child);
      }
    };
    visit(tc);
    return lines.join('\n');
  }

  private table(tbl: Element): TableRow[] {
    const rows: TableRow[] = [];
    const collectRows = (parent: Element): void => {
      for (const child of childElements(parent)) {
        const name = localName(child);
        if (name === 'tr') rows.push({ cells: this.rowCells(child) });
        else if (
          name === 'sdt' ||
          name === 'sdtContent' ||
          name === 'customXml' ||
          name === 'ins' ||
          name === 'moveTo'
        )
          collectRows(child);
      }
    };
    collectRows(tbl);
    return rows;
  }

  private rowCells(tr: Element): TableCell[] {
    const cells: TableCell[] = [];
    const collect = (parent: Element): void => {
      for (const child of childElements(parent)) {
        const name = localName(child);
        if (name === 'tc') {
          const tcPr = firstChild(child, 'tcPr');
          const colSpan = Math.min(Math.max(intVal(valOf(tcPr, 'gridSpan')) ?? 1, 1), 1000);
          const vMerge = tcPr ? firstChild(tcPr, 'vMerge') : undefined;
          const continued = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
          cells.push({ text: continued ? '' : this.cellText(child), colSpan, continued });
        } else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml') collect(child);
      }
    };
    collect(tr);
    return cells;
  }
}

function coreTitle(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  const root = parseXml(xml);
  const props = firstChild(root, 'coreProperties');
  const title = props ? firstChild(props, 'title') : undefined;
  const text = title ? tidyParagraph(textContent(title)) : '';
  return text === '' ? undefined : text;
}

/**
 * Reads a .docx: body paragraphs and tables in order, with Word's generated list labels rebuilt. Its parts
 * together may inflate to at most `maxInflatedBytes`.
 */
export function loadDocx(
  bytes: Uint8Array,
  maxInflatedBytes: number = DEFAULT_PARSE_LIMITS.maxInflatedBytes,
): LoadedDocument {
  const entries = readZipEntries(bytes, (name) => PARTS.has(name), maxInflatedBytes);
  const documentXml = decodeXml(entries.get(DOCUMENT_XML), DOCUMENT_XML);
  if (documentXml === undefined)
    throw new ParseError('unsupported_format', 'The zip container holds no word/document.xml');
  const numberingXml = decodeXml(entries.get('word/numbering.xml'), 'word/numbering.xml');
  const stylesXml = decodeXml(entries.get('word/styles.xml'), 'word/styles.xml');
  const coreXml = decodeXml(entries.get('docProps/core.xml'), 'docProps/core.xml');

  const documentRoot = parseXml(documentXml);
  const document = firstChild(documentRoot, 'document');
  const body = document ? firstChild(document, 'body') : undefined;
  if (!body) throw new ParseError('corrupt_container', 'word/document.xml has no w:body');

  const sheet = readStyles(stylesXml === undefined ? undefined : parseXml(stylesXml));
  const defs = readNumbering(numberingXml === undefined ? undefined : parseXml(numberingXml));
  const reader = new BodyReader(sheet, new NumberingCounter(defs, sheet));
  const blocks: Block[] = [];
  reader.readBlocks(body, blocks);

  const hints: DocumentHints = {};
  const title = coreTitle(coreXml);
  if (title !== undefined) hints.title = title;
  return { format: 'docx', encoding: null, blocks, hints };
}
