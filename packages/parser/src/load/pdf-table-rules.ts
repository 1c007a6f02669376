import type { SourceCell } from './table-grid.js';
import { layoutRows } from './table-grid.js';
import type { TextRun } from './pdf-layout.js';
import type { HRule, Rules, VRule } from './pdf-rules.js';
import { cellText, runCentre } from './pdf-table-text.js';
import type { PdfTable } from './pdf-table-text.js';

/** How far apart (pt) two rules may be and still be one line, or touch. */
const TOL = 2;
/** A grid larger than this is a drawing (or an attack), not a plan table. */
const MAX_GRID_CELLS = 20_000;
const MAX_PAIR_CHECKS = 8_000_000;

/** Joins collinear pieces of one line (a border drawn cell by cell) into longer rules. */
function mergeHorizontal(rules: readonly HRule[]): HRule[] {
  const sorted = rules.filter((r) => r.x1 - r.x0 > TOL).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: HRule[][] = [];
  for (const rule of sorted) {
    const row = rows[rows.length - 1];
    if (row?.[0] && Math.abs(row[0].y - rule.y) <= TOL / 2) row.push(rule);
    else rows.push([rule]);
  }
  const merged: HRule[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let current: HRule | undefined;
    for (const rule of row) {
      if (current && rule.x0 <= current.x1 + TOL) current.x1 = Math.max(current.x1, rule.x1);
      else {
        current = { ...rule };
        merged.push(current);
      }
    }
  }
  return merged;
}

function mergeVertical(rules: readonly VRule[]): VRule[] {
  return mergeHorizontal(rules.map((r) => ({ y: r.x, x0: r.y0, x1: r.y1 }))).map((r) => ({
    x: r.y,
    y0: r.x0,
    y1: r.x1,
  }));
}

function crosses(h: HRule, v: VRule): boolean {
  return v.x >= h.x0 - TOL && v.x <= h.x1 + TOL && h.y >= v.y0 - TOL && h.y <= v.y1 + TOL;
}

/** Groups rules into connected drawings: each is a candidate table. */
function components(hs: HRule[], vs: VRule[]): { hs: HRule[]; vs: VRule[] }[] {
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    for (let j = i; parent[j] !== root;) {
      const next = parent[j] ?? root;
      parent[j] = root;
      j = next;
    }
    return root;
  };
  for (const [i, h] of hs.entries())
    for (const [j, v] of vs.entries()) if (crosses(h, v)) parent[find(i)] = find(hs.length + j);
  const groups = new Map<number, { hs: HRule[]; vs: VRule[] }>();
  const group = (i: number): { hs: HRule[]; vs: VRule[] } => {
    const root = find(i);
    let found = groups.get(root);
    if (!found) {
      found = { hs: [], vs: [] };
      groups.set(root, found);
    }
    return found;
  };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, j) => group(hs.length + j).vs.push(v));
  return [...groups.values()];
}

/** Distinct positions, ascending, with positions closer than TOL taken as one. */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const result: number[] = [];
  let sum = 0;
  let n = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const value of sorted) {
    if (n > 0 && value - last > TOL) {
      result.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += value;
    n++;
    last = value;
  }
  if (n > 0) result.push(sum / n);
  return result;
}

function indexIn(edges: readonly number[], value: number): number {
  // edges ascending; the slot i with edges[i] <= value < edges[i + 1]
  let lo = 0;
  let hi = edges.length - 2;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((edges[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Grid {
  /** Column edges, ascending. */
  xs: number[];
  /** Row edges, descending (top of the page first). */
  ys: number[];
  /** Whether the vertical border at xs[c] is drawn beside grid row r: vBorder[r][c]. */
  vBorder: boolean[][];
  /** Whether the horizontal border at ys[r] is drawn above grid column c: hBorder[r][c]. */
  hBorder: boolean[][];
}

/** The grid of one drawing: its edges, and which stretches of each edge are drawn. */
export function buildGrid(hs: readonly HRule[], vs: readonly VRule[]): Grid | null {
  const xs = clusterPositions(vs.map((v) => v.x));
  const ys = clusterPositions(hs.map((h) => h.y)).reverse();
  // A table drawn without outer side borders: its horizontal rules still reach the edge.
  const minX = Math.min(...hs.map((h) => h.x0));
  const maxX = Math.max(...hs.map((h) => h.x1));
  const minY = Math.min(...vs.map((v) => v.y0));
  const maxY = Math.max(...vs.map((v) => v.y1));
  if (xs.length > 0 && minX < (xs[0] ?? 0) - 3 * TOL) xs.unshift(minX);
  if (xs.length > 0 && maxX > (xs[xs.length - 1] ?? 0) + 3 * TOL) xs.push(maxX);
  if (ys.length > 0 && maxY > (ys[0] ?? 0) + 3 * TOL) ys.unshift(maxY);
  if (ys.length > 0 && minY < (ys[ys.length - 1] ?? 0) - 3 * TOL) ys.push(minY);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 2 || cols < 2 || rows * cols > MAX_GRID_CELLS) return null;
  const vBorder = Array.from({ length: rows }, () => new Array<boolean>(cols + 1).fill(false));
  const hBorder = Array.from({ length: rows + 1 }, () => new Array<boolean>(cols).fill(false));
  for (const v of vs) {
    const c = xs.findIndex((x) => Math.abs(x - v.x) <= TOL);
    if (c < 0) continue;
    for (let r = 0; r < rows; r++) {
      const mid = ((ys[r] ?? 0) + (ys[r + 1] ?? 0)) / 2;
      if (mid >= v.y0 - TOL && mid <= v.y1 + TOL) (vBorder[r] as boolean[])[c] = true;
    }
  }
  for (const h of hs) {
    const r = ys.findIndex((y) => Math.abs(y - h.y) <= TOL);
    if (r < 0) continue;
    for (let c = 0; c < cols; c++) {
      const mid = ((xs[c] ?? 0) + (xs[c + 1] ?? 0)) / 2;
      if (mid >= h.x0 - TOL && mid <= h.x1 + TOL) (hBorder[r] as boolean[])[c] = true;
    }
  }
  return { xs, ys, vBorder, hBorder };
}

interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  runs: TextRun[];
}

/** Cells of a grid: slots with no border between them are one merged cell. */
export function gridCells(grid: Grid): GridCell[] {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const taken = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]?.[c]) continue;
      let colSpan = 1;
      while (c + colSpan < cols && !grid.vBorder[r]?.[c + colSpan] && !taken[r]?.[c + colSpan]) colSpan++;
      let rowSpan = 1;
      for (;;) {
        const next = r + rowSpan;
        if (next >= rows) break;
        let open = true;
        for (let k = c; k < c + colSpan && open; k++)
          if (grid.hBorder[next]?.[k] || taken[next]?.[k]) open = false;
        if (!open) break;
        rowSpan++;
      }
      for (let i = r; i < r + rowSpan; i++)
        for (let k = c; k < c + colSpan; k++) (taken[i] as boolean[])[k] = true;
      cells.push({ row: r, col: c, rowSpan, colSpan, runs: [] });
    }
  }
  return cells;
}

/** Fills a grid's cells with the runs whose centres fall inside; returns the runs outside. */
function fillCells(grid: Grid, cells: GridCell[], runs: readonly TextRun[]): TextRun[] {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const owner: (GridCell | undefined)[] = new Array<GridCell | undefined>(rows * cols);
  for (const cell of cells)
    for (let i = cell.row; i < cell.row + cell.rowSpan; i++)
      for (let k = cell.col; k < cell.col + cell.colSpan; k++) owner[i * cols + k] = cell;
  const ysAscending = [...grid.ys].reverse();
  const outside: TextRun[] = [];
  for (const run of runs) {
    const { x, y } = runCentre(run);
    const inside =
      x >= (grid.xs[0] ?? 0) &&
      x <= (grid.xs[cols] ?? 0) &&
      y <= (grid.ys[0] ?? 0) &&
      y >= (grid.ys[rows] ?? 0);
    if (!inside) {
      outside.push(run);
      continue;
    }
    const col = Math.min(cols - 1, indexIn(grid.xs, x));
    const row = rows - 1 - Math.min(rows - 1, indexIn(ysAscending, y));
    const cell = owner[row * cols + col];
    if (cell) cell.runs.push(run);
    else outside.push(run);
  }
  return outside;
}

/** Turns a filled grid into table rows: merged cells become colSpan / `continued` cells. */
function tableFromGrid(grid: Grid, cells: GridCell[]): PdfTable | null {
  const rows = grid.ys.length - 1;
  const source: SourceCell[][] = Array.from({ length: rows }, () => []);
  let filled = 0;
  for (const cell of cells) {
    const text = cellText(cell.runs);
    if (text !== '') filled++;
    source[cell.row]?.push({ text, colSpan: cell.colSpan, rowSpan: cell.rowSpan });
  }
  // A box around a paragraph or a drawing with one label is not a table.
  if (filled < 2) return null;
  return {
    top: grid.ys[0] ?? 0,
    bottom: grid.ys[rows] ?? 0,
    left: grid.xs[0] ?? 0,
    right: grid.xs[grid.xs.length - 1] ?? 0,
    columns: grid.xs.slice(0, -1),
    rows: layoutRows(source),
  };
}

/**
 * Finds the tables a page draws with ruling lines and fills them with the page's text.
 * Returns the tables top to bottom and the runs that belong to none.
 */
export function findRuledTables(
  rules: Rules,
  runs: readonly TextRun[],
): { tables: PdfTable[]; rest: TextRun[] } {
  const hs = mergeHorizontal(rules.horizontal);
  const vs = mergeVertical(rules.vertical);
  if (hs.length < 3 || vs.length < 2 || hs.length * vs.length > MAX_PAIR_CHECKS)
    return { tables: [], rest: [...runs] };
  const tables: PdfTable[] = [];
  let rest: TextRun[] = [...runs];
  for (const drawing of components(hs, vs)) {
    if (drawing.hs.length < 2 || drawing.vs.length < 2) continue;
    const grid = buildGrid(drawing.hs, drawing.vs);
    if (!grid) continue;
    const cells = gridCells(grid);
    const outside = fillCells(grid, cells, rest);
    const table = tableFromGrid(grid, cells);
    if (!table) continue;
    tables.push(table);
    rest = outside;
  }
  tables.sort((a, b) => b.top - a.top);
  return { tables, rest };
}
