import type { TargetOp } from '../src/plan.js';

/** Gold metadata; the same fields as `PlanMeta`. `yearEnd` is scored only where the label states it. */
export interface LabelMeta {
  title: string | null;
  year: number | null;
  /** Last year of a plan that spans years (2024—2026年 → 2026); absent in labels written before it existed. */
  yearEnd?: number | null;
  region: string | null;
  issuer: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  docNumber: string | null;
  recipients: string[];
}

/** One node of the gold item tree, flattened in pre-order; `level` 1 is the top. */
export interface LabelItem {
  number: string;
  level: number;
  title: string;
  units: string[];
  lead: string[];
  support: string[];
}

export interface LabelTarget {
  /** Index into `PlanLabel.items` of the item whose own text holds the target; null outside any item. */
  item: number | null;
  metric: string;
  op: TargetOp;
  value: number | [number, number];
  unit: string;
}

/** Gold labels for one document (`<document>.label.json`). */
export interface PlanLabel {
  document: string;
  meta: LabelMeta;
  items: LabelItem[];
  targets: LabelTarget[];
}

const TARGET_OPS: readonly string[] = ['>=', '<=', '=', '~', 'range'] satisfies TargetOp[];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry.length > 0);
}

function isNullableString(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && value.length > 0);
}

function isNullableDate(value: unknown): boolean {
  return value === null || (typeof value === 'string' && ISO_DATE.test(value));
}

function checkKeys(record: Json, allowed: readonly string[], where: string, errors: string[]): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) errors.push(`${where}: unknown field "${key}"`);
  }
}

function checkMeta(meta: unknown, errors: string[]): void {
  if (!isRecord(meta)) {
    errors.push('meta: must be an object');
    return;
  }
  const fields = [
    'title',
    'year',
    'yearEnd',
    'region',
    'issuer',
    'issuedOn',
    'publishedOn',
    'docNumber',
    'recipients',
  ];
  checkKeys(meta, fields, 'meta', errors);
  for (const key of ['title', 'region', 'issuer', 'docNumber']) {
    if (!isNullableString(meta[key])) errors.push(`meta.${key}: must be a non-empty string or null`);
  }
  const year = meta.year;
  if (
    year !== null &&
    !(typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2200)
  ) {
    errors.push('meta.year: must be a year or null');
  }
  const yearEnd = meta.yearEnd;
  if (
    yearEnd !== undefined &&
    yearEnd !== null &&
    !(typeof yearEnd === 'number' && Number.isInteger(yearEnd) && yearEnd >= 1900 && yearEnd <= 2200)
  ) {
    errors.push('meta.yearEnd: must be a year or null');
  } else if (typeof yearEnd === 'number' && typeof year === 'number' && yearEnd <= year) {
    errors.push('meta.yearEnd: must be later than meta.year');
  }
  for (const key of ['issuedOn', 'publishedOn']) {
    if (!isNullableDate(meta[key])) errors.push(`meta.${key}: must be YYYY-MM-DD or null`);
  }
  if (!isStringArray(meta.recipients)) errors.push('meta.recipients: must be an array of strings');
}

function checkUnitLists(item: Json, where: string, errors: string[]): void {
  const { units, lead, support } = item;
  if (!isStringArray(units) || !isStringArray(lead) || !isStringArray(support)) {
    errors.push(`${where}: units, lead and support must be arrays of strings`);
    return;
  }
  if (new Set(units).size !== units.length) errors.push(`${where}: units repeat a name`);
  for (const name of [...lead, ...support]) {
    if (!units.includes(name)) errors.push(`${where}: "${name}" is in lead/support but not in units`);
  }
  if (lead.some((name) => support.includes(name))) errors.push(`${where}: a unit is both lead and support`);
}

function checkItems(items: unknown, errors: string[]): number {
  if (!Array.isArray(items)) {
    errors.push('items: must be an array');
    return 0;
  }
  let previousLevel = 0;
  items.forEach((item: unknown, index) => {
    const where = `items[${index}]`;
    if (!isRecord(item)) {
      errors.push(`${where}: must be an object`);
      return;
    }
    checkKeys(item, ['number', 'level', 'title', 'units', 'lead', 'support'], where, errors);
    if (typeof item.number !== 'string' || item.number.length === 0)
      errors.push(`${where}.number: must be a string`);
    else if (/[()（）、.．,，\s]/u.test(item.number)) errors.push(`${where}.number: brackets or punctuation`);
    if (typeof item.title !== 'string') errors.push(`${where}.title: must be a string`);
    const level = item.level;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 8) {
      errors.push(`${where}.level: must be an integer 1..8`);
    } else {
      // Pre-order flattening can only go one level deeper at a time.
      if (level > previousLevel + 1) errors.push(`${where}.level: jumps from ${previousLevel} to ${level}`);
      previousLevel = level;
    }
    checkUnitLists(item, where, errors);
  });
  return items.length;
}

function checkValue(op: unknown, value: unknown, where: string, errors: string[]): void {
  if (op === 'range') {
    const ok =
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
      (value[0] as number) <= (value[1] as number);
    if (!ok) errors.push(`${where}.value: a range needs [lo, hi]`);
  } else if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push(`${where}.value: must be a number`);
  }
}

function checkTargets(targets: unknown, itemCount: number, errors: string[]): void {
  if (!Array.isArray(targets)) {
    errors.push('targets: must be an array');
    return;
  }
  let previousItem = -1;
  targets.forEach((target: unknown, index) => {
    const where = `targets[${index}]`;
    if (!isRecord(target)) {
      errors.push(`${where}: must be an object`);
      return;
    }
    checkKeys(target, ['item', 'metric', 'op', 'value', 'unit'], where, errors);
    const item = target.item;
    if (item !== null) {
      if (typeof item !== 'number' || !Number.isInteger(item) || item < 0 || item >= itemCount) {
        errors.push(`${where}.item: must be an index into items or null`);
      } else {
        if (item < previousItem) errors.push(`${where}.item: targets out of document order`);
        previousItem = item;
      }
    }
    if (typeof target.metric !== 'string' || target.metric.length === 0)
      errors.push(`${where}.metric: empty`);
    if (typeof target.unit !== 'string') errors.push(`${where}.unit: must be a string`);
    if (typeof target.op !== 'string' || !TARGET_OPS.includes(target.op)) errors.push(`${where}.op: unknown`);
    checkValue(target.op, target.value, where, errors);
  });
}

/** Every way `value` departs from the label format; empty when it is a valid `PlanLabel`. */
export function labelErrors(value: unknown): string[] {
  const errors: string[] = [];
  if (!isRecord(value)) return ['label: must be an object'];
  checkKeys(value, ['document', 'meta', 'items', 'targets'], 'label', errors);
  if (typeof value.document !== 'string' || value.document.length === 0)
    errors.push('document: must be a name');
  checkMeta(value.meta, errors);
  const itemCount = checkItems(value.items, errors);
  checkTargets(value.targets, itemCount, errors);
  return errors;
}

export function isPlanLabel(value: unknown): value is PlanLabel {
  return labelErrors(value).length === 0;
}

/** Parses label JSON text; throws with every problem listed when it is not a valid label. */
export function parseLabel(jsonText: string, origin = 'label'): PlanLabel {
  const value: unknown = JSON.parse(jsonText);
  const errors = labelErrors(value);
  if (errors.length > 0 || !isPlanLabel(value)) {
    throw new Error(`${origin}: invalid label\n  ${errors.join('\n  ')}`);
  }
  return value;
}
