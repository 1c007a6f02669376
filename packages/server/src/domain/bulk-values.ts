/*
 * Values in bulk (issue 10, part 4), the pure part: a sheet's (or a push's) lines checked against the lines
 * the period offers, every problem named by its row and column, then grouped into one report per task and
 * unit. The write itself is the report write path's (services/report-service.ts, writeNewReport).
 */

/** The sheet's columns, by letter; the template writes them and the upload reads them in this order. */
export const SHEET_COLUMNS = {
  taskNumber: { letter: 'A', label: '任务编号' },
  taskTitle: { letter: 'B', label: '任务' },
  unitName: { letter: 'C', label: '责任单位' },
  metric: { letter: 'D', label: '指标' },
  target: { letter: 'E', label: '目标' },
  oldValue: { letter: 'F', label: '上次已采纳值' },
  value: { letter: 'G', label: '本期实际值' },
  percent: { letter: 'H', label: '进度（%）' },
  note: { letter: 'I', label: '说明' },
  itemId: { letter: 'J', label: '任务ID' },
  unitId: { letter: 'K', label: '单位ID' },
  targetId: { letter: 'L', label: '指标ID' },
} as const;

export type SheetColumn = keyof typeof SHEET_COLUMNS;
/** The sheet's first row is the instructions, the second the headings; values start on the third. */
export const FIRST_DATA_ROW = 3;
export const NOTE_MAX = 500;

/** A line as read: cells still raw (a number, a text, or nothing). */
export interface RawLine {
  row: number;
  itemId: unknown;
  unitId: unknown;
  targetId: unknown;
  value: unknown;
  percent: unknown;
  note: unknown;
}

/** A line the period offers the caller: a target of a task (or the task's progress alone) for one unit. */
export interface OfferedLine {
  itemId: string;
  unitId: string;
  targetId: string | null;
  taskNumber: string;
  taskTitle: string;
  unitName: string;
  metric: string;
  targetText: string;
  oldValue: number | null;
}

export interface CheckedLine {
  row: number;
  offered: OfferedLine | null;
  value: number | null;
  percent: number | null;
  note: string;
  errors: string[];
}

/** One report a valid upload makes: a task's progress and its targets' actuals, for one unit. */
export interface ReportGroup {
  itemId: string;
  unitId: string;
  percent: number;
  narrative: string;
  actuals: { targetId: string; value: number; note: string }[];
  rows: number[];
}

/** How a problem's place is said: a sheet's row and column, or a pushed value's position and field. */
export type Place = (row: number, column: SheetColumn) => string;

export const sheetPlace: Place = (row, column) =>
  `第${String(row)}行 ${SHEET_COLUMNS[column].letter}列（${SHEET_COLUMNS[column].label}）`;
export const pushPlace: Place = (row, column) => `第${String(row)}条 ${column}`;

export const offeredKey = (itemId: string, unitId: string, targetId: string | null): string =>
  `${itemId}|${unitId}|${targetId ?? ''}`;

const blank = (cell: unknown): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

const text = (cell: unknown): string =>
  typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';

/** A number cell, or a text that is one (a CSV's cells are all text); null when it is not a number. */
function numberOf(cell: unknown): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const trimmed = cell.trim().replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A line with nothing to say (neither a value nor progress): the template's untouched rows. */
export function isEmptyLine(line: RawLine): boolean {
  return blank(line.value) && blank(line.percent);
}

/**
 * Checks every line against what the period offers. Untouched lines are dropped; each problem is a message
 * naming its place and the limit. The lines of one task and unit must agree on the progress.
 */
export function checkLines(
  lines: readonly RawLine[],
  offered: ReadonlyMap<string, OfferedLine>,
  place: Place,
): CheckedLine[] {
  const seen = new Map<string, number>();
  const percentOf = new Map<string, { row: number; percent: number }>();
  const checked: CheckedLine[] = [];
  const items = new Set([...offered.values()].map((o) => o.itemId));
  const slots = new Set([...offered.values()].map((o) => `${o.itemId}|${o.unitId}`));
  for (const line of lines) {
    if (isEmptyLine(line)) continue;
    const errors: string[] = [];
    const itemId = text(line.itemId);
    const unitId = text(line.unitId);
    const targetId = blank(line.targetId) ? null : text(line.targetId);
    const key = offeredKey(itemId, unitId, targetId);
    const found = offered.get(key) ?? null;
    if (!found) {
      const [column, why]: [SheetColumn, string] = !items.has(itemId)
        ? ['itemId', '不是本期可填报的任务']
        : !slots.has(`${itemId}|${unitId}`)
          ? ['unitId', '此单位不填报此任务，或不在您的填报范围内']
          : ['targetId', '不是此任务的指标'];
      errors.push(`${place(line.row, column)}：${why}（请使用本期模板，勿改动隐藏列）`);
    }
    const earlier = seen.get(key);
    if (found && earlier !== undefined)
      errors.push(
        `${place(line.row, 'itemId')}：与第${String(earlier)}行重复（同一任务、单位、指标只填一行）`,
      );
    seen.set(key, line.row);
    let value: number | null = null;
    if (!blank(line.value)) {
      value = numberOf(line.value);
      if (value === null) errors.push(`${place(line.row, 'value')}：应为数字`);
      else if (found && found.targetId === null)
        errors.push(`${place(line.row, 'value')}：此行没有指标，只填进度`);
    } else if (found?.targetId) {
      errors.push(`${place(line.row, 'value')}：应填写实际值（不填报此指标请清空本行进度）`);
    }
    let percent: number | null = null;
    if (!blank(line.percent)) {
      percent = numberOf(line.percent);
      if (percent === null || !Number.isInteger(percent) || percent < 0 || percent > 100) {
        errors.push(`${place(line.row, 'percent')}：应为0到100之间的整数`);
        percent = null;
      }
    }
    const note = text(line.note);
    if (note.length > NOTE_MAX) errors.push(`${place(line.row, 'note')}：不超过${String(NOTE_MAX)}字`);
    if (found && percent !== null) {
      const group = `${found.itemId}|${found.unitId}`;
      const first = percentOf.get(group);
      if (first && first.percent !== percent)
        errors.push(
          `${place(line.row, 'percent')}：与第${String(first.row)}行的进度（${String(first.percent)}）不一致`,
        );
      else if (!first) percentOf.set(group, { row: line.row, percent });
    }
    checked.push({ row: line.row, offered: found, value, percent, note, errors });
  }
  // A task's progress may stand on one of its lines; a task and unit with none at all is refused.
  for (const line of checked) {
    if (!line.offered || line.percent !== null) continue;
    const group = percentOf.get(`${line.offered.itemId}|${line.offered.unitId}`);
    if (group) line.percent = group.percent;
    else if (line.errors.length === 0)
      line.errors.push(`${place(line.row, 'percent')}：应填写0到100之间的整数`);
  }
  return checked;
}

/** One report per task and unit, in the order of their first lines; only for lines without errors. */
export function groupReports(lines: readonly CheckedLine[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const line of lines) {
    const offered = line.offered;
    if (!offered || line.percent === null || line.errors.length > 0) continue;
    const key = `${offered.itemId}|${offered.unitId}`;
    const group = groups.get(key) ?? {
      itemId: offered.itemId,
      unitId: offered.unitId,
      percent: line.percent,
      narrative: '',
      actuals: [],
      rows: [],
    };
    group.rows.push(line.row);
    if (offered.targetId !== null && line.value !== null)
      group.actuals.push({ targetId: offered.targetId, value: line.value, note: line.note });
    else if (line.note) group.narrative = line.note;
    groups.set(key, group);
  }
  return [...groups.values()];
}
