import type { Block, TableRow } from '../load/document.js';
import type { Assembled, CellSegment, RowSegment, Segment } from './segments.js';

const MIN_TEXT_TABLE_ROWS = 2;

/**
 * Writes the kept blocks out as the plan text and records where each paragraph, row and cell stands.
 * Runs of tab-separated lines (plain-text or .doc tables) become tables here.
 */
export function assemble(blocks: readonly Block[]): Assembled {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let offset = 0;

  const write = (s: string): void => {
    parts.push(s);
    offset += s.length;
  };
  const newline = (): void => {
    if (offset > 0) write('\n');
  };

  const writeRows = (rows: readonly TableRow[]): void => {
    newline();
    const start = offset;
    const rowSegments: RowSegment[] = [];
    rows.forEach((row, r) => {
      if (r > 0) write('\n');
      const rowStart = offset;
      const cells: CellSegment[] = [];
      row.cells.forEach((cell, c) => {
        if (c > 0) write('\t');
        const text = cell.continued ? '' : cell.text.trim();
        const cellStart = offset;
        write(text);
        cells.push({
          span: { start: cellStart, end: offset },
          colSpan: cell.colSpan,
          continued: cell.continued,
        });
      });
      rowSegments.push({ span: { start: rowStart, end: offset }, cells });
    });
    segments.push({ kind: 'table', span: { start, end: offset }, rows: rowSegments });
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    if (block.kind === 'table') {
      if (block.rows.length > 0) writeRows(block.rows);
      continue;
    }
    const run = tabRun(blocks, i);
    if (run.length >= MIN_TEXT_TABLE_ROWS) {
      writeRows(run.map(splitTabs));
      i += run.length - 1;
      continue;
    }
    const text = block.text.trim();
    if (text.length === 0) continue;
    newline();
    const start = offset;
    write(text);
    segments.push({ kind: 'paragraph', span: { start, end: offset } });
  }
  return { text: parts.join(''), segments };
}

const SECTION_ROW_MAX = 40;

/** Tab-separated lines in a row; a short line between two of them is a section row of the same table. */
function tabRun(blocks: readonly Block[], start: number): string[] {
  const run: string[] = [];
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i];
    if (b?.kind !== 'paragraph') break;
    const raw = b.text.replace(/^[\r\n ]+|[\r\n ]+$/g, '');
    if (raw.includes('\t')) {
      run.push(raw);
      continue;
    }
    const next = blocks[i + 1];
    const bridges =
      run.length > 0 &&
      raw.trim().length <= SECTION_ROW_MAX &&
      next?.kind === 'paragraph' &&
      next.text.includes('\t');
    if (!bridges) break;
    run.push(raw.trim());
  }
  // One tab after a heading number is spacing, not a table: a table has rows of three cells or more.
  const wide = run.filter((line) => line.split('\t').length >= 3).length;
  return wide >= 2 ? run : [];
}

function splitTabs(line: string): TableRow {
  return { cells: line.split('\t').map((text) => ({ text, colSpan: 1, continued: false })) };
}
