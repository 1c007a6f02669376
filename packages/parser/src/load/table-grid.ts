import type { TableCell, TableRow } from './document.js';

export interface SourceCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

interface Pending {
  rowsLeft: number;
  colSpan: number;
}

/**
 * Lays out cells with row spans the way a reader sees them: a cell that spans rows appears in each
 * following row it covers as a `continued` cell with no text, at its column.
 */
export function layoutRows(source: readonly (readonly SourceCell[])[]): TableRow[] {
  const pending = new Map<number, Pending>();
  const rows: TableRow[] = [];
  for (const [rowIndex, sourceRow] of source.entries()) {
    const rowsRemaining = source.length - rowIndex - 1;
    const cells: TableCell[] = [];
    let column = 0;
    const fillPending = (): void => {
      for (let held = pending.get(column); held && held.rowsLeft > 0; held = pending.get(column)) {
        cells.push({ text: '', colSpan: held.colSpan, continued: true });
        held.rowsLeft--;
        if (held.rowsLeft === 0) pending.delete(column);
        column += held.colSpan;
      }
    };
    for (const cell of sourceRow) {
      fillPending();
      const colSpan = Math.min(Math.max(Math.trunc(cell.colSpan) || 1, 1), 1000);
      const rowSpan = Math.min(Math.max(Math.trunc(cell.rowSpan) || 1, 1), rowsRemaining + 1);
      cells.push({ text: cell.text, colSpan, continued: false });
      if (rowSpan > 1) pending.set(column, { rowsLeft: rowSpan - 1, colSpan });
      column += colSpan;
    }
    // Spans that cover columns to the right of this row's last cell.
    const trailing = [...pending.keys()].filter((start) => start >= column).sort((a, b) => a - b);
    for (const start of trailing) {
      const held = pending.get(start);
      if (!held) continue;
      column = start;
      cells.push({ text: '', colSpan: held.colSpan, continued: true });
      held.rowsLeft--;
      if (held.rowsLeft === 0) pending.delete(start);
      column += held.colSpan;
    }
    rows.push({ cells });
  }
  return rows;
}
