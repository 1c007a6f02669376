import { findResponsibility } from '@yaodian/parser';

/** What follows a trailing responsibility clause when it ends the text: closing punctuation and spaces only. */
const ONLY_CLOSING = /^[\s。．.；;，,]*$/;
const SENTENCE_END = /[。．.；;！!？?]$/;

/**
 * An item's 具体内容 for the 推进表: its text without the responsibility clause it ends with (（X牵头，Y配合）,
 * 牵头单位：X …), which the sheet prints in its unit columns. The clause is found by the plan engine's own
 * clause reader, so any plan's wording is handled alike; text whose clause is not at its end, or that is
 * nothing but the clause, is returned unchanged.
 */
export function contentWithoutClause(text: string): string {
  const found = findResponsibility(text, { start: 0, end: text.length });
  if (!found) return text;
  const after = text.slice(found.span.end);
  if (!ONLY_CLOSING.test(after)) return text;
  const before = text.slice(0, found.span.start).replace(/[\s，,；;、：:]+$/, '');
  if (before.length === 0) return text;
  return SENTENCE_END.test(before) ? before : `${before}${after.includes('。') ? '。' : ''}`;
}

export interface SheetTarget {
  metric: string;
  op: '>=' | '<=' | '=' | '~' | 'range';
  value: number | null;
  lo: number | null;
  hi: number | null;
  unit: string;
}

const SIGN: Record<Exclude<SheetTarget['op'], 'range'>, string> = { '>=': '≥', '<=': '≤', '=': '', '~': '≈' };

/** "县域内就诊率 ≥ 90%", "床位数 18–20张": a target as a commission prints it, with ≥ / ≤ rather than >= / <=. */
export function targetLine(target: SheetTarget): string {
  return `${target.metric} ${targetAmount(target)}`;
}

/** "≥ 90%", "18–20张": the amount a target commits to, without its metric (the 通报's 目标 column). */
export function targetAmount(target: SheetTarget): string {
  return target.op === 'range'
    ? `${String(target.lo ?? '?')}–${String(target.hi ?? '?')}${target.unit}`
    : `${SIGN[target.op]}${SIGN[target.op] ? ' ' : ''}${String(target.value ?? '?')}${target.unit}`;
}
