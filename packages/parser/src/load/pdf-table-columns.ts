import type { TableCell, TableRow } from './document.js';
import { groupByBaseline } from './pdf-layout.js';
import type { TextRun } from './pdf-layout.js';
import { cellText } from './pdf-table-text.js';
import type { PdfTable } from './pdf-table-text.js';

/** A gap this wide (in em) between two runs on a line separates cells. */
const CELL_GAP_EM = 0.75;
/** Column starts closer than this (in em) are one column. */
const ALIGN_EM = 0.6;
const MIN_COLUMNS = 3;
const MIN_ROWS = 3;
/** Lines further apart than this (in em) are not one table. */
const MAX_LINE_GAP_EM = 3;
/** Wrapped lines of one tall cell between two rows that start cells in several columns. */
const MAX_LINES_BETWEEN = 12;

interface Segment {
  x0: number;
  x1: number;
  runs: TextRun[];
}

interface Line {
  y: number;
  em: number;
  runs: TextRun[];
  segments: Segment[];
}

/**
 * Splits a line into cells at wide gaps and, once the columns are known, also where a run starts
 * exactly at a column start: a cell filled to its edge leaves only the cell padding as a gap.
 */
function toLine(runs: TextRun[], columns: readonly number[] = []): Line {
  const em = Math.max(1, ...runs.map((run) => run.fontSize));
  const segments: Segment[] = [];
  for (const run of runs) {
    const last = segments[segments.length - 1];
    const atColumn =
      columns.some((x) => Math.abs(run.x - x) <= ALIGN_EM * em * 0.5) && run.x - (last?.x1 ?? 0) > 0;
    if (last && !atColumn && run.x - last.x1 <= CELL_GAP_EM * em) {
      last.runs.push(run);
      last.x1 = Math.max(last.x1, run.x + run.width);
    } else segments.push({ x0: run.x, x1: run.x + run.width, runs: [run] });
  }
  return { y: runs[0]?.y ?? 0, em, runs, segments };
}

/**
 * Column starts of lines that have at least MIN_COLUMNS cells: MIN_COLUMNS starts shared by MIN_ROWS
 * such lines make a table; then a start two of them share is a column too (a sparsely filled one).
 */
function columnStarts(lines: readonly Line[]): number[] {
  const starts: { x: number; line: number }[] = [];
  lines.forEach((line, index) => {
    if (line.segments.length >= MIN_COLUMNS)
      for (const s of line.segments) starts.push({ x: s.x0, line: index });
  });
  starts.sort((a, b) => a.x - b.x);
  const columns: number[] = [];
  let strong = 0;
  let group: { x: number; line: number }[] = [];
  const flush = (): void => {
    const support = new Set(group.map((s) => s.line)).size;
    if (support >= 2) columns.push(Math.min(...group.map((s) => s.x)));
    if (support >= MIN_ROWS) strong++;
    group = [];
  };
  for (const start of starts) {
    const first = group[0];
    const em = lines[start.line]?.em ?? 10;
    if (first && start.x - first.x > ALIGN_EM * em) flush();
    group.push(start);
  }
  if (group.length > 0) flush();
  return strong >= MIN_COLUMNS ? columns : [];
}

/** The column a segment starting at x belongs to, or -1 when it starts between columns. */
function columnAt(columns: readonly number[], x: number, em: number): number {
  for (let c = columns.length - 1; c >= 0; c--) {
    const start = columns[c] ?? 0;
    if (Math.abs(x - start) <= ALIGN_EM * em) return c;
    if (x > start) return -1;
  }
  return -1;
}

function aligned(line: Line, columns: readonly number[]): boolean {
  return line.segments.every((s) => columnAt(columns, s.x0, line.em) >= 0);
}

function alignedCount(line: Line, columns: readonly number[]): number {
  return new Set(line.segments.map((s) => columnAt(columns, s.x0, line.em)).filter((c) => c >= 0)).size;
}

/** A line with one cell that runs across the next column's start: a full-width row (a section title). */
function spans(line: Line, columns: readonly number[]): boolean {
  const only = line.segments[0];
  if (line.segments.length !== 1 || !only) return false;
  const c = columnAt(columns, only.x0, line.em);
  const next = columns[c + 1];
  return c >= 0 && next !== undefined && only.x1 > next + line.em * 0.25;
}

/** Splits a table's lines into rows: by larger gaps between rows when there are any, else by text in the first column. */
function rowsOf(lines: readonly Line[], columns: readonly number[]): Line[][] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push((lines[i - 1]?.y ?? 0) - (lines[i]?.y ?? 0));
  const pitch = Math.min(...gaps.filter((g) => g > 0));
  const byGap = gaps.some((g) => g > pitch * 1.3);
  const rows: Line[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const current = rows[rows.length - 1];
    const gap = gaps[i - 1] ?? 0;
    const firstColumn = line.segments.some((s) => columnAt(columns, s.x0, line.em) === 0);
    if (
      !current ||
      !previous ||
      spans(line, columns) ||
      spans(previous, columns) ||
      (byGap ? gap > pitch * 1.3 : firstColumn)
    )
      rows.push([line]);
    else current.push(line);
  });
  return rows;
}

function tableRow(lines: readonly Line[], columns: readonly number[]): TableRow {
  const first = lines[0];
  if (first && lines.length === 1 && spans(first, columns))
    return { cells: [{ text: cellText(first.runs), colSpan: columns.length, continued: false }] };
  const perColumn: TextRun[][] = columns.map(() => []);
  for (const line of lines)
    for (const segment of line.segments) {
      const c = Math.max(0, columnAt(columns, segment.x0, line.em));
      perColumn[c]?.push(...segment.runs);
    }
  const cells: TableCell[] = [];
  for (let c = 0; c < columns.length; c++) {
    const runs = perColumn[c] ?? [];
    let colSpan = 1;
    // A header cell over several columns (责任单位 over 牵头/配合) runs across the next starts.
    const right = Math.max(...runs.map((run) => run.x + run.width));
    while (
      c + colSpan < columns.length &&
      (perColumn[c + colSpan]?.length ?? 0) === 0 &&
      right > (columns[c + colSpan] ?? Infinity) + 1
    )
      colSpan++;
    cells.push({ text: cellText(runs), colSpan, continued: false });
    c += colSpan - 1;
  }
  return { cells };
}

/**
 * Finds tables drawn without rules: runs of lines whose cells start at the same x positions, at
 * least MIN_COLUMNS columns across MIN_ROWS lines. Returns the tables and the runs left for prose.
 */
export function findColumnTables(runs: readonly TextRun[]): { tables: PdfTable[]; rest: TextRun[] } {
  const groups = groupByBaseline(runs);
  const columns = columnStarts(groups.map((group) => toLine(group)));
  if (columns.length < MIN_COLUMNS) return { tables: [], rest: [...runs] };
  const lines = groups.map((group) => toLine(group, columns));
  const isAnchor = (line: Line): boolean =>
    line.segments.length >= MIN_COLUMNS && alignedCount(line, columns) >= MIN_COLUMNS;
  const tables: PdfTable[] = [];
  const used = new Set<TextRun>();
  let i = 0;
  while (i < lines.length) {
    const start = lines[i];
    if (!start || !isAnchor(start)) {
      i++;
      continue;
    }
    // Extend over aligned lines while another anchor follows; trailing lines only as continuations.
    let end = i;
    let anchors = 1;
    let j = i + 1;
    let pitch = Infinity;
    // Aligned prose between two tables of one layout must not join them: bound what lies between anchors.
    let between = 0;
    let spanning = 0;
    while (j < lines.length) {
      const line = lines[j];
      const previous = lines[j - 1];
      if (!line || !previous) break;
      const gap = previous.y - line.y;
      if (gap > MAX_LINE_GAP_EM * line.em || !aligned(line, columns)) break;
      if (isAnchor(line)) {
        end = j;
        anchors++;
        pitch = Math.min(pitch, gap);
        between = 0;
        spanning = 0;
      } else {
        between++;
        if (spans(line, columns)) spanning++;
        if (between > MAX_LINES_BETWEEN || spanning > 2) break;
      }
      j++;
    }
    for (let k = end + 1; k < lines.length; k++) {
      const line = lines[k];
      const previous = lines[k - 1];
      if (!line || !previous) break;
      const startsAtFirst = line.segments.some((s) => columnAt(columns, s.x0, line.em) === 0);
      if (
        previous.y - line.y > pitch * 1.2 ||
        !aligned(line, columns) ||
        startsAtFirst ||
        spans(line, columns)
      )
        break;
      end = k;
    }
    const block = lines.slice(i, end + 1);
    const blockColumns = columns.filter((_, c) =>
      block.some((line) => line.segments.some((s) => columnAt(columns, s.x0, line.em) === c)),
    );
    if (anchors >= MIN_ROWS && blockColumns.length >= MIN_COLUMNS) {
      const rows = rowsOf(block, blockColumns).map((row) => tableRow(row, blockColumns));
      const firstLine = block[0];
      const lastLine = block[block.length - 1];
      tables.push({
        top: (firstLine?.y ?? 0) + (firstLine?.em ?? 0),
        bottom: (lastLine?.y ?? 0) - (lastLine?.em ?? 0) * 0.3,
        left: blockColumns[0] ?? 0,
        right: Math.max(...block.flatMap((line) => line.segments.map((s) => s.x1))),
        columns: blockColumns,
        rows,
      });
      for (const line of block) for (const run of line.runs) used.add(run);
    }
    i = end + 1;
  }
  return { tables, rest: runs.filter((run) => !used.has(run)) };
}
