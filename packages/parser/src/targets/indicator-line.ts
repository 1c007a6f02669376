import type { Span } from '../plan.js';
import { narrowMetric } from './metric.js';
import { isComparisonSign, readSuffix, type OpMatch } from './ops.js';
import { clauseStart } from './scope.js';

/*
 * Indicator lines of a 主要指标 list: `1.人均预期寿命：79.2岁`, `孕产妇死亡率：≤12/10万`, `床位使用率：80%～90%`.
 * The colon states the level, so it acts as the op (`=`, or the printed sign; 以上/以下 after the value
 * still decide). Only the shape "noun phrase：value" qualifies: the value must follow the colon directly and
 * close its clause, and the phrase must not be a field label (完成时限：6月底前, 电话：…, 责任单位：…).
 */

/** How far back the phrase before the colon may reach. */
const HEAD_BACK = 60;

/** Heads that label a field of a form, not a measure: what follows them is a date, a name or a number to call. */
const FIELD_LABEL_ENDINGS =
  /(?:时限|期限|日期|节点|完成时间|截止时间|报送时间|上报时间|单位|科室|处室|股室|部门|领导|电话|手机|传真|邮编|邮箱|地址|网址|联系人|负责人|责任人|备注|说明|编号|文号|序号|附件|页码|标识码|来源|依据)$/u;

/** Characters after the value (and its suffix) that end the clause, or open a note on it (（预期性）). */
const CLOSERS = new Set(['。', '；', ';', '，', ',', '\n', '\r', '（', '(', ' ', '\u3000', '\t']);

function isColon(ch: string | undefined): boolean {
  return ch === '：' || ch === ':';
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Position of the colon standing before a value at `pos` (with an optional sign between), or -1. */
export function indicatorColonBefore(text: string, pos: number, floor: number): number {
  let p = pos;
  if (p - 1 >= floor && isComparisonSign(text[p - 1] ?? '')) p -= 1;
  if (p - 1 >= floor && (text[p - 1] === ' ' || text[p - 1] === '\u3000')) p -= 1;
  const colon = p - 1;
  if (colon <= floor || !isColon(text[colon])) return -1;
  // 10:30 is a time, 1:1.5 a ratio: the head ends in a word (or a closing bracket), not a digit.
  const before = text.charCodeAt(colon - 1);
  return isHan(before) || text[colon - 1] === '）' || text[colon - 1] === ')' ? colon : -1;
}

export interface IndicatorLine {
  op: OpMatch;
  metric: Span;
}

/**
 * Reads the value printed over [start, end) as an indicator line, or returns null. `hasUnit` says whether a
 * unit was read after the number: a bare number after a colon is a code or a count of pages, never a level,
 * unless a sign is printed before it.
 */
export function indicatorLine(
  text: string,
  value: { start: number; end: number; hasUnit: boolean },
  floor: number,
  ceiling: number,
): IndicatorLine | null {
  const colon = indicatorColonBefore(text, value.start, floor);
  if (colon < 0) return null;
  const signChar = text[value.start - 1] ?? '';
  const sign = isComparisonSign(signChar) ? signChar : null;
  if (!value.hasUnit && sign === null) return null;
  const after = readSuffix(text, value.end, ceiling)?.end ?? value.end;
  if (after < ceiling && !CLOSERS.has(text[after] ?? '')) return null;
  const headStart = clauseStart(text, colon, floor, HEAD_BACK);
  const metric = narrowMetric(text, { start: headStart, end: colon });
  const head = text.slice(metric.start, metric.end);
  if (head.length < 2 || FIELD_LABEL_ENDINGS.test(head)) return null;
  const op =
    sign === '≤' || sign === '≦' || sign === '＜' || sign === '<' ? '<=' : sign === null ? '=' : '>=';
  return {
    op: {
      word: text.slice(colon, value.start),
      op,
      basis: 'level',
      kind: 'explicit',
      strong: true,
      start: colon,
      end: value.start,
    },
    metric,
  };
}
