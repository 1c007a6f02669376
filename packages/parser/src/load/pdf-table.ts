import type { TableRow } from './document.js';
import type { PdfLine, TextRun } from './pdf-layout.js';
import type { Rules } from './pdf-rules.js';
import { findColumnTables } from './pdf-table-columns.js';
import { findRuledTables } from './pdf-table-rules.js';
import type { PdfTable } from './pdf-table-text.js';

export type { PdfTable } from './pdf-table-text.js';

/** Column edges of a table and of its continuation on the next page may differ by this much (pt). */
const SAME_COLUMN = 8;

/**
 * Finds a page's tables: drawn grids first, then (in the text left over) tables laid out in aligned
 * columns without rules. Returns them top to bottom with the runs that belong to no table.
 */
export function findPageTables(
  runs: readonly TextRun[],
  rules: Rules,
): { tables: PdfTable[]; rest: TextRun[] } {
  const ruled = findRuledTables(rules, runs);
  const columns = findColumnTables(ruled.rest);
  const tables = [...ruled.tables, ...columns.tables].sort((a, b) => b.top - a.top);
  return { tables, rest: columns.rest };
}

export type PageEntry = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable };

/** A page's lines and tables in reading order: top to bottom, a table where its top edge is. */
export function orderPage(lines: readonly PdfLine[], tables: readonly PdfTable[]): PageEntry[] {
  const entries: PageEntry[] = [];
  let next = 0;
  for (const line of lines) {
    for (let table = tables[next]; table && table.top > line.y; table = tables[next]) {
      entries.push({ kind: 'table', table });
      next++;
    }
    entries.push({ kind: 'line', line });
  }
  for (; next < tables.length; next++) {
    const table = tables[next];
    if (table) entries.push({ kind: 'table', table });
  }
  return entries;
}

function sameColumns(a: PdfTable, b: PdfTable): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((x, i) => Math.abs(x - (b.columns[i] ?? Number.NaN)) <= SAME_COLUMN)
  );
}

function rowKey(row: TableRow): string {
  return row.cells.map((cell) => `${cell.colSpan}:${cell.text}`).join('\u0001');
}

/** Appends a table's continuation, less the header rows the next page repeats. */
function appendContinuation(table: PdfTable, next: PdfTable): PdfTable {
  let skip = 0;
  while (
    skip < Math.min(3, next.rows.length - 1, table.rows.length) &&
    next.rows[skip] !== undefined &&
    table.rows[skip] !== undefined &&
    rowKey(next.rows[skip] as TableRow) === rowKey(table.rows[skip] as TableRow) &&
    (next.rows[skip] as TableRow).cells.some((cell) => cell.text !== '')
  )
    skip++;
  return { ...table, rows: [...table.rows, ...next.rows.slice(skip)] };
}

/**
 * Joins the pages' entries into one reading order; a table that ends a page and one of the same
 * columns that starts the next page are one table.
 */
export function joinPages(pages: readonly (readonly PageEntry[])[]): PageEntry[] {
  const result: PageEntry[] = [];
  for (const page of pages) {
    page.forEach((entry, index) => {
      const last = result[result.length - 1];
      if (
        index === 0 &&
        entry.kind === 'table' &&
        last?.kind === 'table' &&
        sameColumns(last.table, entry.table)
      )
        result[result.length - 1] = { kind: 'table', table: appendContinuation(last.table, entry.table) };
      else result.push(entry);
    });
  }
  return result;
}
