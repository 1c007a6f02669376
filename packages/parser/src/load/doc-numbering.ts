import { ByteView, readFib } from './doc-binary.js';
import { readListOverrides, readLists, toNumberingDefinitions } from './doc-lists.js';
import { readPapxRuns, readParagraphs, readPieces, readStyles } from './doc-paragraphs.js';
import { NumberingCounter } from './docx-numbering.js';

/**
 * Word's generated list labels for a .doc's main text, keyed by the CP where each numbered
 * paragraph starts ("一、", "（二）", "3."). Counting follows the .docx rules (docx-numbering.ts):
 * counters per list, deeper levels restart, LFO start-at overrides apply on first use.
 * Throws ParseError('corrupt_container') when a structure points outside its stream.
 */
export function docListLabels(wordDocumentBytes: Uint8Array, tableBytes: Uint8Array): Map<number, string> {
  const labels = new Map<number, string>();
  const wordDocument = new ByteView(wordDocumentBytes);
  const table = new ByteView(tableBytes);
  const fib = readFib(wordDocument);
  const overrides = readListOverrides(table, fib.plfLfo);
  if (overrides.length === 0) return labels;
  const lists = readLists(table, fib.plfLst);
  const counter = new NumberingCounter(toNumberingDefinitions(lists, overrides), {
    styles: new Map(),
    defaultParagraphStyle: undefined,
  });
  const pieces = readPieces(table, fib.clx);
  const runs = readPapxRuns(wordDocument, table, fib.plcfBtePapx);
  const styles = readStyles(table, fib.stshf);
  for (const paragraph of readParagraphs(wordDocument, pieces, runs, styles, fib.ccpText)) {
    if (paragraph.ilfo <= 0 || paragraph.ilfo > overrides.length) continue;
    const label = counter.next(String(paragraph.ilfo), paragraph.ilvl, undefined);
    if (label !== '') labels.set(paragraph.cpStart, label);
  }
  return labels;
}

/** A stretch of the main text as word-extractor holds it: text from `startCp` on, one char per CP. */
export interface TextPiece {
  startCp: number;
  text: string;
}

const LEADING_SPACE = new Set([' ', '\t', '\u3000']);

/**
 * The text of CPs [0, end) with each label put where its paragraph starts. As the .docx loader
 * does, the paragraph's own leading spaces go, since the label now stands in front of them.
 */
export function insertLabels(
  pieces: readonly TextPiece[],
  end: number,
  labels: ReadonlyMap<number, string>,
): string {
  const parts: string[] = [];
  let skipping = false;
  for (const piece of pieces) {
    if (piece.startCp >= end) break;
    const stop = Math.min(piece.text.length, end - piece.startCp);
    let from = 0;
    for (let offset = 0; offset < stop; offset++) {
      const label = labels.get(piece.startCp + offset);
      if (label !== undefined) {
        parts.push(piece.text.slice(from, offset), label);
        from = offset;
        skipping = true;
      }
      if (skipping) {
        if (LEADING_SPACE.has(piece.text.charAt(offset))) from = offset + 1;
        else skipping = false;
      }
    }
    parts.push(piece.text.slice(from, stop));
  }
  return parts.join('');
}
