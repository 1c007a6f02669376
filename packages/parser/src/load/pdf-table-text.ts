import type { TableRow } from './document.js';
import { groupByBaseline, joinPieces } from './pdf-layout.js';
import type { TextRun } from './pdf-layout.js';

/** A table found on one page, with the box it covers (page space, y grows upward). */
export interface PdfTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Column left edges, left to right: how a continuation on the next page is recognised. */
  columns: number[];
  rows: TableRow[];
}

/** The text of a cell: its runs as lines, joined without a space at CJK and with one between Latin words. */
export function cellText(runs: readonly TextRun[]): string {
  let text = '';
  for (const line of groupByBaseline(runs)) {
    let lineText = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const run of line) {
      const gap = run.x - end;
      lineText =
        gap > run.fontSize * 0.2 ? joinPieces(lineText, run.text.trim()) : lineText + run.text.trim();
      end = Math.max(end, run.x + run.width);
    }
    text = joinPieces(text, lineText);
  }
  return text.trim();
}

/** The middle of a run's glyphs: which cell a run falls in. */
export function runCentre(run: TextRun): { x: number; y: number } {
  return { x: run.x + Math.max(0, run.width) / 2, y: run.y + run.fontSize * 0.3 };
}
