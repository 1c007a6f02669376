import type { Span } from '../plan.js';
import type { CellSegment, RowSegment, TableSegment } from '../segment/segments.js';
import { readMarker } from './markers.js';
import type { OutlineNode, RowFields } from './outline.js';
import { readHeader, type ColumnRole } from './table-columns.js';
import { titleSpan } from './title.js';

const HEADER_SEARCH_ROWS = 3;

interface GridCell {
  cell: CellSegment;
  column: number;
}

/**
 * A task table (分工方案, 推进表) as items: a section row (一、… or a merged category cell) is a parent,
 * each data row a child. Null when the table has no recognisable header.
 */
export function readRows(text: string, folded: string, table: TableSegment): OutlineNode[] | null {
  const cellText = (c: CellSegment): string => text.slice(c.span.start, c.span.end).trim();
  let roles: ColumnRole[] | null = null;
  let headerAt = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, table.rows.length) && !roles; r++) {
    const row = table.rows[r];
    if (!row) break;
    roles = readHeader(expand(row).map((g) => (g.cell.continued ? '' : cellText(g.cell))));
    headerAt = r;
  }
  if (!roles) return null;

  const nodes: OutlineNode[] = [];
  let category: string | null = null;
  let rowIndex = 0;
  for (const row of table.rows.slice(headerAt + 1)) {
    const grid = expand(row);
    const filled = grid.filter((g) => !g.cell.continued && cellText(g.cell).length > 0);
    if (filled.length === 0) continue;
    const section = sectionCell(grid, filled, roles, cellText);
    if (section) {
      nodes.push(sectionNode(text, folded, section.span));
      category = null;
      continue;
    }
    const categoryCell = grid.find((g) => roles[g.column] === 'category' && !g.cell.continued);
    if (categoryCell && cellText(categoryCell.cell) && cellText(categoryCell.cell) !== category) {
      category = cellText(categoryCell.cell);
      nodes.push(sectionNode(text, folded, trimmed(text, categoryCell.cell.span)));
    }
    rowIndex++;
    nodes.push(dataRow(text, folded, row, grid, roles, rowIndex));
  }
  return nodes;
}

/** Each cell with the grid column it starts in (merged cells span several). */
function expand(row: RowSegment): GridCell[] {
  const out: GridCell[] = [];
  let column = 0;
  for (const cell of row.cells) {
    out.push({ cell, column });
    column += Math.max(1, cell.colSpan);
  }
  return out;
}

function sectionCell(
  grid: GridCell[],
  filled: GridCell[],
  roles: readonly ColumnRole[],
  cellText: (c: CellSegment) => string,
): CellSegment | null {
  const only = filled[0];
  if (!only) return null;
  const distinct = new Set(filled.map((g) => cellText(g.cell)));
  if (distinct.size !== 1) return null;
  const role = roles[only.column];
  const spansColumns = only.cell.colSpan > 1 || filled.length > 1;
  const marked = /^(第?[一二三四五六七八九十]{1,3}[、.．部章]|[（(][一二三四五六七八九十]{1,3}[)）])/.test(
    cellText(only.cell),
  );
  const soleCell = grid.length === 1;
  if (spansColumns || marked || soleCell || role === 'number' || role === 'category') return only.cell;
  return null;
}

function sectionNode(text: string, folded: string, span: Span): OutlineNode {
  const start =
    span.start +
    (text.slice(span.start, span.end).length - text.slice(span.start, span.end).trimStart().length);
  const marker = readMarker(folded.slice(start, Math.min(span.end, start + 24)));
  const contentStart = start + (marker?.length ?? 0);
  return {
    style: marker?.style ?? 'table-section',
    number: marker?.number ?? '',
    value: marker?.value ?? 0,
    source: { start, end: span.end },
    content: { start: contentStart, end: span.end },
    title: titleSpan(text, contentStart, span.end),
    row: null,
    children: [],
  };
}

function dataRow(
  text: string,
  folded: string,
  row: RowSegment,
  grid: GridCell[],
  roles: readonly ColumnRole[],
  rowIndex: number,
): OutlineNode {
  const spansOf = (role: ColumnRole): Span[] =>
    grid
      .filter((g) => roles[g.column] === role && !g.cell.continued && g.cell.span.end > g.cell.span.start)
      .map((g) => trimmed(text, g.cell.span));
  const first = (role: ColumnRole): Span | null => spansOf(role)[0] ?? null;

  const numberSpan = first('number');
  const printed = numberSpan ? text.slice(numberSpan.start, numberSpan.end) : '';
  const marker = numberSpan ? readMarker(folded.slice(numberSpan.start, numberSpan.end) + ' ') : null;
  const number = marker?.number ?? printed.replace(/[\s.．、,，()（）]/g, '');
  const value = marker?.value ?? (/^\d+$/.test(number) ? Number(number) : rowIndex);

  const task = first('task');
  const detail = first('detail');
  const titleFrom = task ?? detail;
  const fields: RowFields = {
    title: titleFrom ? titleSpan(text, titleFrom.start, titleFrom.end) : null,
    detail: detail ?? task,
    lead: spansOf('lead'),
    support: spansOf('support'),
    units: spansOf('units'),
    deadline: first('deadline'),
  };
  const content = fields.detail ?? fields.title ?? row.span;
  return {
    style: 'table-row',
    number,
    value,
    source: { ...row.span },
    content: { ...content },
    title: fields.title ?? { start: content.start, end: content.start },
    row: fields,
    children: [],
  };
}

function trimmed(text: string, span: Span): Span {
  const s = text.slice(span.start, span.end);
  const lead = s.length - s.trimStart().length;
  return { start: span.start + lead, end: span.start + s.trimEnd().length };
}
