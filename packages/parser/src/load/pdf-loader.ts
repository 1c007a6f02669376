import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ParseError } from '../errors.js';
import type { Block, DocumentHints, LoadedDocument } from './document.js';
import { buildLines, buildParagraphSpans, dropRunningLines } from './pdf-layout.js';
import type { PdfLine, TextRun } from './pdf-layout.js';
import { extractRules } from './pdf-rules.js';
import type { RuleOpCodes, Rules } from './pdf-rules.js';
import { findPageTables, joinPages, orderPage } from './pdf-table.js';
import type { PageEntry, PdfTable } from './pdf-table.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** The package's own cMaps and standard fonts, as directory paths (pdf.js reads them with fs in Node). */
function pdfjsDataDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  };
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function toRun(item: PdfTextItem): TextRun {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
  return { text: item.str, x: e, y: f, width: item.width, fontSize };
}

function shiftRun(run: TextRun, dy: number): TextRun {
  return { ...run, y: run.y - dy };
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : '';
}

function infoString(info: unknown, key: string): string | undefined {
  if (typeof info !== 'object' || info === null || !(key in info)) return undefined;
  const value: unknown = (info as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function shiftRules(rules: Rules, dy: number): Rules {
  if (dy === 0) return rules;
  return {
    horizontal: rules.horizontal.map((h) => ({ ...h, y: h.y - dy })),
    vertical: rules.vertical.map((v) => ({ ...v, y0: v.y0 - dy, y1: v.y1 - dy })),
  };
}

/** Paragraphs and tables in reading order; a table always ends the paragraph before it. */
function toBlocks(entries: readonly PageEntry[]): Block[] {
  const lines: PdfLine[] = [];
  const tablesBefore = new Map<number, PdfTable[]>();
  for (const entry of entries) {
    if (entry.kind === 'line') lines.push(entry.line);
    else {
      const held = tablesBefore.get(lines.length) ?? [];
      held.push(entry.table);
      tablesBefore.set(lines.length, held);
    }
  }
  const spans = buildParagraphSpans(lines, new Set(tablesBefore.keys()));
  const blocks: Block[] = [];
  const emitTables = (upTo: number): void => {
    for (const [at, tables] of [...tablesBefore].sort((a, b) => a[0] - b[0])) {
      if (at > upTo) break;
      for (const table of tables) blocks.push({ kind: 'table', rows: table.rows });
      tablesBefore.delete(at);
    }
  };
  for (const span of spans) {
    emitTables(span.firstLine);
    blocks.push({ kind: 'paragraph', text: span.text });
  }
  emitTables(Number.POSITIVE_INFINITY);
  return blocks;
}

/** Reads a PDF's text layer and rebuilds its paragraphs and tables; scanned PDFs without text are 'empty_document'. */
export async function loadPdf(bytes: Uint8Array): Promise<LoadedDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; hand it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsDataDirs(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const opCodes: RuleOpCodes = pdfjs.OPS;
    const pages: PdfLine[][] = [];
    const pageTables: PdfTable[][] = [];
    const heights: number[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      // Text positions are in user space, whose origin is the view box's corner.
      const [, yMin = 0] = page.view;
      const runs = content.items.flatMap((item) => ('str' in item ? [shiftRun(toRun(item), yMin)] : []));
      const rules = shiftRules(extractRules(await page.getOperatorList(), opCodes), yMin);
      const { tables, rest } = findPageTables(runs, rules);
      pages.push(buildLines({ runs: rest, width: viewport.width, height: viewport.height }, pageNumber));
      pageTables.push(tables);
      heights.push(viewport.height);
      page.cleanup();
    }
    const hints: DocumentHints = {};
    const metadata = await pdf.getMetadata().catch(() => undefined);
    const title = infoString(metadata?.info, 'Title');
    if (title !== undefined) hints.title = title;
    const entries = joinPages(
      dropRunningLines(pages, heights).map((lines, index) => orderPage(lines, pageTables[index] ?? [])),
    );
    return { format: 'pdf', encoding: null, blocks: toBlocks(entries), hints };
  } catch (error) {
    if (error instanceof ParseError) throw error;
    if (errorName(error) === 'PasswordException') {
      throw new ParseError('encrypted_document', 'The PDF is protected by a password', { cause: error });
    }
    throw new ParseError('corrupt_container', 'The PDF cannot be read', { cause: error });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
