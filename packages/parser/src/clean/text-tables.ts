import type { Block, TableRow } from '../load/document.js';
import { readHeader, type ColumnRole } from '../structure/table-columns.js';

const PIPE = /[|｜]/;
const PIPE_SPLIT = /\s*[|｜]\s*/;
const SPACES = /[ \u3000]+/;
const ROW_NUMBER = /^\d{1,3}$/;
const MIN_DATA_ROWS = 2;
const MAX_SECTION_ROW = 40;
const MAX_HEADER = 160;
/** Beyond this many ways to cut a row into its columns, the row is cut one piece per column. */
const MAX_PARTITIONS = 20000;

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
type Table = Extract<Block, { kind: 'table' }>;

const INDICATOR_NAME = /^(?:主要)?指标(?:名称|内容)?$/;
const MEASURE_UNIT = /^(?:计量)?单位$/;
const TARGET_VALUE = /目标值|(?:19|20)\d\d年?目标|^目标$|预期值|目标任务/;
const PAST_VALUE =
  /完成值|完成情况|实际值|基[数期]值?|现状值?|^(?:19|20)\d\d年(?:底|末)?(?:实际|完成)?(?:值|数)?$/;

/**
 * An indicator table (指标名称 | 计量单位 | 2025年完成值 | 2026年目标值 | 责任单位) states each target across three
 * cells. The target cell is rewritten to read as one target (人均预期寿命≥80.5岁), and the past value, a result,
 * is cleared.
 */
export function readIndicatorTables(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => (block.kind === 'table' ? indicatorTable(block) : block));
}

function indicatorTable(table: Table): Table {
  const header = table.rows[0]?.cells.map((c) => c.text.replace(/\s+/g, '')) ?? [];
  const name = header.findIndex((h) => INDICATOR_NAME.test(h));
  const target = header.findIndex((h) => TARGET_VALUE.test(h));
  if (name < 0 || target < 0) return table;
  const unit = header.findIndex((h) => MEASURE_UNIT.test(h));
  const past = header.findIndex((h, i) => i !== target && PAST_VALUE.test(h));
  const rows = table.rows.map((row, r) => {
    if (r === 0) {
      return { cells: row.cells.map((c, i) => (i === name ? { ...c, text: '任务' + c.text } : c)) };
    }
    const text = (i: number): string => (i >= 0 ? (row.cells[i]?.text.trim() ?? '') : '');
    const value = text(target);
    if (!value || !/\d/.test(value)) return row;
    const measure = text(unit);
    const joined = text(name) + value + (measure && !value.endsWith(measure) ? measure : '');
    return {
      cells: row.cells.map((c, i) =>
        i === target ? { ...c, text: joined } : i === past ? { ...c, text: '' } : c,
      ),
    };
  });
  return { kind: 'table', rows };
}

/**
 * A task table flattened into text lines becomes a table again: rows joined with `|`, or rows whose cells
 * are separated by spaces and open with a bare row number. The table starts at a line that reads as a task
 * table's header (序号 / 任务 / 牵头 / 配合 / 责任 / 时限 columns). Section rows (一、…) stay single cells. When a
 * PDF wrapped its cells, a row has more pieces than the header has columns; it is cut where each column's
 * pieces have the column's width (every piece but a cell's last one fills it), read across all rows.
 */
export function rebuildTextTables(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block?.kind !== 'paragraph') {
      if (block) out.push(block);
      continue;
    }
    const found = tableAt(blocks, i);
    if (!found) {
      out.push(block);
      continue;
    }
    out.push({ kind: 'table', rows: found.rows });
    i = found.end - 1;
  }
  return out;
}

function headerCells(text: string): { cells: string[]; roles: ColumnRole[]; pipe: boolean } | null {
  const line = text.trim();
  // Tab-separated lines are tables already (segment/assemble.ts); a header is a short line of short cells.
  if (line.length > MAX_HEADER || line.includes('\t') || !/[ \u3000|｜]/.test(line)) return null;
  const pipe = PIPE.test(line);
  const cells = (pipe ? line.replace(/^[|｜]|[|｜]$/g, '').split(PIPE_SPLIT) : line.split(SPACES)).map((c) =>
    c.trim(),
  );
  const roles = cells.length >= 3 ? readHeader(cells) : null;
  return roles ? { cells, roles, pipe } : null;
}

function tableAt(blocks: readonly Block[], start: number): { rows: TableRow[]; end: number } | null {
  const first = blocks[start] as Paragraph;
  const header = headerCells(first.text);
  if (!header) return null;
  const headerKey = squeeze(first.text);
  const lines: string[][] = [];
  let end = start + 1;
  for (; end < blocks.length; end++) {
    const block = blocks[end];
    if (block?.kind !== 'paragraph') break;
    const text = block.text.trim();
    if (header.pipe) {
      if (!PIPE.test(text)) break;
      const cells = text.replace(/^[|｜]|[|｜]$/g, '').split(PIPE_SPLIT);
      lines.push(
        cells.length < header.cells.length
          ? [...cells, ...Array<string>(header.cells.length - cells.length).fill('')]
          : cells,
      );
      continue;
    }
    // A header repeated after a page break belongs to the same table.
    if (squeeze(text) === headerKey) continue;
    const pieces = text.split(SPACES);
    if (ROW_NUMBER.test(pieces[0] ?? '') && pieces.length >= 3) {
      lines.push(pieces);
      continue;
    }
    if (pieces.length === 1 && text.length <= MAX_SECTION_ROW && !/[。；;]$/.test(text)) {
      lines.push([text]);
      continue;
    }
    break;
  }
  const data = lines.filter((l) => l.length > 1).length;
  if (data < MIN_DATA_ROWS) return null;
  const rows = header.pipe ? lines : bestFit(lines, header.roles);
  return { rows: [header.cells, ...rows].map(toRow), end };
}

function toRow(cells: readonly string[]): TableRow {
  return { cells: cells.map((text) => ({ text: text.trim(), colSpan: 1, continued: false })) };
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** How wide a piece is, and how far two full pieces of one cell may differ. */
interface Measure {
  of: (s: string) => number;
  slack: number;
}

/** Display width: CJK and full-width forms take two columns, ASCII one. */
const displayWidth: Measure = {
  of: (s) => {
    let w = 0;
    for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) > 0xff ? 2 : 1;
    return w;
  },
  // A half-width digit can leave a full line one column short.
  slack: 1,
};
const charCount: Measure = { of: (s) => s.length, slack: 0 };

/** Lines wrap at a width on the page or at a number of characters; the measure that fits better wins. */
function bestFit(lines: readonly string[][], roles: readonly ColumnRole[]): string[][] {
  const byChars = fitColumns(lines, roles, charCount);
  if (byChars.failures === 0) return byChars.rows;
  const byWidth = fitColumns(lines, roles, displayWidth);
  const better =
    byWidth.failures < byChars.failures ||
    (byWidth.failures === byChars.failures && byWidth.score > byChars.score);
  return better ? byWidth.rows : byChars.rows;
}

interface Cut {
  groups: string[][];
  /** The width each column's full pieces imply, or null for a single-piece cell. */
  widths: (number | null)[];
}

/** Rows of pieces (the row number first) cut into `width` cells, and how well the cuts agree. */
function fitColumns(
  lines: readonly string[][],
  roles: readonly ColumnRole[],
  measure: Measure,
): { rows: string[][]; score: number; failures: number } {
  const columns = roles.length - 1;
  const cellRoles = roles.slice(1);
  // Only the most plausible cuts of a row vote for the column widths.
  const options = lines.map((pieces) => {
    const cuts = pieces.length - 1 > columns ? validCuts(pieces.slice(1), columns, measure) : [];
    const best = Math.max(...cuts.map((cut) => plausibility(cut, cellRoles)));
    return cuts.filter((cut) => plausibility(cut, cellRoles) === best);
  });
  // Each column's width, as most rows' cuts imply it.
  const votes = Array.from({ length: columns }, () => new Map<number, number>());
  for (const cuts of options) {
    for (const cut of cuts) {
      cut.widths.forEach((w, c) => {
        if (w === null) return;
        const m = votes[c];
        if (m) m.set(w, (m.get(w) ?? 0) + 1 / cuts.length);
      });
    }
  }
  const colWidth = votes.map((m) => {
    let best: number | null = null;
    let bestVote = 0;
    for (const [w, v] of m) {
      const near = v + ((m.get(w - 1) ?? 0) + (m.get(w + 1) ?? 0)) * 0.5 * measure.slack;
      if (near > bestVote) {
        best = w;
        bestVote = near;
      }
    }
    return best;
  });
  let total = 0;
  let failures = 0;
  const rows = lines.map((pieces, r) => {
    if (pieces.length === 1) return pieces;
    const [number = '', ...rest] = pieces;
    if (rest.length <= columns) return [number, ...rest, ...Array<string>(columns - rest.length).fill('')];
    const cuts = options[r] ?? [];
    let best: Cut | null = null;
    let bestScore = -Infinity;
    for (const cut of cuts) {
      const score = agreement(cut, colWidth, measure) + plausibility(cut, cellRoles);
      if (score > bestScore) {
        best = cut;
        bestScore = score;
      }
    }
    if (!best) {
      failures++;
      return [number, ...rest.slice(0, columns - 1), rest.slice(columns - 1).join('')];
    }
    total += bestScore;
    return [number, ...best.groups.map((g) => g.join(''))];
  });
  return { rows, score: total, failures };
}

function agreement(cut: Cut, colWidth: readonly (number | null)[], measure: Measure): number {
  let score = 0;
  cut.groups.forEach((group, c) => {
    const want = colWidth[c];
    const implied = cut.widths[c];
    if (want === null || want === undefined) return;
    if (implied !== null && implied !== undefined)
      score += Math.abs(implied - want) <= measure.slack ? 1 : -1;
    else {
      // A piece that fills its column exactly more likely wrapped on than ended there.
      const w = measure.of(group[0] ?? '');
      if (w > want + measure.slack) score -= 1;
      else if (w >= want) score -= 0.5;
    }
  });
  return score;
}

const UNIT_ROLES: ReadonlySet<ColumnRole> = new Set(['lead', 'support', 'units']);
const TIME_CELL =
  /^(?:(?:19|20)\d\d年|\d{1,2}月|(?:19|20)\d\d[-./]|全年|年底|年内|长期|持续|每[年月季周]|第[一二三四1-4]季度|[上下]半年|[—-]$)/;

/** A unit cell names units, not a number; a time cell reads as a time. */
function plausibility(cut: Cut, roles: readonly ColumnRole[]): number {
  let score = 0;
  cut.groups.forEach((group, c) => {
    const text = group.join('');
    const role = roles[c];
    if (role && UNIT_ROLES.has(role) && /[\d%‰]|^[.，,、]/.test(text)) score -= 2;
    if (role === 'deadline' && !TIME_CELL.test(text)) score -= 2;
  });
  return score;
}

/** Every cut of the pieces into `columns` cells in which each cell's pieces but the last share one width. */
function validCuts(pieces: readonly string[], columns: number, measure: Measure): Cut[] {
  const widths = pieces.map(measure.of);
  const out: Cut[] = [];
  let tried = 0;
  const walk = (from: number, column: number, groups: string[][], implied: (number | null)[]): void => {
    if (tried > MAX_PARTITIONS) return;
    if (column === columns - 1) {
      tried++;
      const group = pieces.slice(from);
      const w = groupWidth(widths.slice(from), measure.slack);
      if (group.length === 0 || w === undefined) return;
      out.push({ groups: [...groups, group], widths: [...implied, w] });
      return;
    }
    const left = columns - column - 1;
    for (let to = from + 1; to <= pieces.length - left; to++) {
      const w = groupWidth(widths.slice(from, to), measure.slack);
      if (w === undefined) continue;
      walk(to, column + 1, [...groups, pieces.slice(from, to)], [...implied, w]);
    }
  };
  walk(0, 0, [], []);
  return out;
}

/** The width a cell's pieces imply: null for one piece; undefined when they cannot be one wrapped cell. */
function groupWidth(widths: readonly number[], slack: number): number | null | undefined {
  if (widths.length <= 1) return null;
  const full = widths.slice(0, -1);
  const max = Math.max(...full);
  const min = Math.min(...full);
  const last = widths[widths.length - 1] ?? 0;
  if (max - min > slack || last > max) return undefined;
  return max;
}
