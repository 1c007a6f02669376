import type { Span } from '../plan.js';
import { parseChineseNumeral } from './numerals.js';

export interface Deadline {
  deadline: string | null;
  deadlineText: string;
  source: Span;
}

/*
 * One regex, scanned left to right. Every quantifier is bounded and the alternatives share no
 * unbounded prefix, so a scan is linear in the input (the engine meets 10 MB single-line inputs).
 *
 * Alternatives, most specific first:
 *  y  - a year (2024年, 二〇二四年), optionally introduced by 到/至
 *  m  - a month, d - a day, or a part of a month (底/末/上旬/中旬/下旬/份)
 *  h  - 上半年/下半年, q - a quarter (第三季度, 三季度末, 3季度)
 *  e  - year end (底, 末, 年底, 年末, 内, 年内)
 *  suffix - 前/以前/之前/内/止
 *  ms - a construction milestone after a bare year (2022年完工投入使用)
 */
const NUM = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const DAY =
  '(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
const YEAR = '(?:(?:19|20)[0-9]{2}|[一二][〇零一二三四五六七八九]{3})';
const MILESTONE =
  '(?:完工|竣工验收|竣工|投入使用|投入运营|建成投用|建成投运|建成运营|建成|投用|投运|开工建设|开工|动工建设|动工|主体封顶|封顶|启用|开业|完成|实现|上线|运行|验收)';
const SUFFIX = '(?:以前|之前|前|内|止)';

export const DEADLINE_SOURCE = [
  // 2025年6月30日前 / 6月底前 / 六月底 / 2024年12月份
  `(?<my>${YEAR}年)?(?<m>${NUM})月(?:(?<d>${DAY})[日号]|(?<mp>底|末|上旬|中旬|下旬|份))?(?<msuf>${SUFFIX})?`,
  // 2024年上半年 / 上半年
  `(?<hy>${YEAR}年)?(?<h>上半年|下半年)(?<hsuf>${SUFFIX}|末|底)?`,
  // 2024年第三季度末 / 三季度 / 第3季度
  `(?<qy>${YEAR}年)?第?(?<q>[一二三四1-4])季度(?<qsuf>末|底|${SUFFIX})?`,
  // 2025年底前 / 2025年年底 / 到2025年 / 2022年完工投入使用
  `(?<pre>到|至)?(?<y>${YEAR})年(?:(?<e>年底|年末|底|末|内|以内)(?<esuf>${SUFFIX})?|(?<ysuf>以前|之前|前)|(?<ms>${MILESTONE}{1,3}))?`,
  // 年内 / 年底前 / 今年底 / 本年度内
  `(?<cur>(?:今|本)?年(?:度内|内|底|末)${SUFFIX}?|全年)`,
].join('|');

/**
 * Sticky, tried only at the few positions an anchor allows (see findDeadlines). findDeadlines sets
 * lastIndex before every exec, so nothing carries over between calls; one compiled regex is shared
 * because building a copy per call costs more than the scan it serves.
 */
const DEADLINE_RE = new RegExp(DEADLINE_SOURCE, 'uy');

/*
 * Every alternative contains 年, 月 or 季 (季度), at most ANCHOR_BACK characters after the match start
 * (到2025年: 5; 十二月, 上半年, 第三季度: 2). So a match can only start in the ANCHOR_BACK characters before
 * an anchor, and trying the sticky regex there, left to right, finds the same matches as a global scan
 * of the whole text while skipping the plain text between anchors.
 */
const ANCHOR_BACK = 5;
const ANCHOR_CHARS: readonly string[] = ['年', '月', '季'];
/** Per UTF-16 code: 1 for a character a match can start with (a digit, 一, 上, 第, 到, 今, 年, 全 …). */
const OPENERS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (const ch of '0123456789〇零一二三四五六七八九十上下第到至今本年全') table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** The smallest non-negative entry, or -1 when all are -1. */
function nearest(positions: readonly number[]): number {
  let best = -1;
  for (const p of positions) if (p >= 0 && (best < 0 || p < best)) best = p;
  return best;
}

function toNumber(s: string): number | null {
  if (/^[0-9]+$/u.test(s)) return Number(s);
  return parseChineseNumeral(s);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function yearOf(printed: string | undefined, fallback: number | null): number | null {
  if (printed === undefined) return fallback;
  return toNumber(printed.replace(/年$/u, ''));
}

interface Groups {
  [key: string]: string | undefined;
}

const PART_DAY: Readonly<Record<string, number>> = { 上旬: 10, 中旬: 20 };

/** The ISO date a matched deadline stands for, or undefined when the match is not a deadline. */
function resolve(g: Groups, year: number | null): string | null | undefined {
  if (g.m !== undefined) {
    const month = toNumber(g.m);
    if (month === null || month < 1 || month > 12) return undefined;
    // A date (6月, 2021年4月1日) is not a deadline; it needs 底/末/旬/份 or 前/内.
    if (g.mp === undefined && g.msuf === undefined) return undefined;
    const y = yearOf(g.my, year);
    if (y === null) return null;
    const last = daysInMonth(y, month);
    if (g.d !== undefined) {
      const day = toNumber(g.d);
      if (day === null || day < 1 || day > last) return undefined;
      return iso(y, month, day);
    }
    return iso(y, month, PART_DAY[g.mp ?? ''] ?? last);
  }
  if (g.h !== undefined) {
    const y = yearOf(g.hy, year);
    if (y === null) return null;
    return g.h === '上半年' ? iso(y, 6, 30) : iso(y, 12, 31);
  }
  if (g.q !== undefined) {
    const q = toNumber(g.q);
    if (q === null || q < 1 || q > 4) return undefined;
    const y = yearOf(g.qy, year);
    if (y === null) return null;
    const month = q * 3;
    return iso(y, month, daysInMonth(y, month));
  }
  if (g.y !== undefined) {
    // A bare year is a date qualifier (2024年全市…); it is a deadline only with 底/前/内, 到/至…, or a milestone.
    if (g.e === undefined && g.ysuf === undefined && g.ms === undefined && g.pre === undefined)
      return undefined;
    const y = toNumber(g.y);
    if (y === null) return undefined;
    return iso(y, 12, 31);
  }
  if (g.cur !== undefined) return year === null ? null : iso(year, 12, 31);
  return undefined;
}

/** Characters before a match that make it a duration or a recurrence, not a deadline (三年内, 每月底前, 每季度). */
function isDurationOrRecurring(text: string, index: number, matched: string): boolean {
  const before = text[index - 1];
  if (before === '每' || before === '逐' || before === '上' || before === '去') {
    return true;
  }
  if (matched.startsWith('年') || matched.startsWith('全年')) {
    if (before !== undefined && /[0-9０-９一二三四五六七八九十两几多半]/u.test(before)) return true;
  }
  return false;
}

/**
 * Every match of the deadline pattern in `s`, left to right and not overlapping: the same matches as a
 * global scan (see ANCHOR_BACK), found by trying the pattern only just before each 年, 月 and 季.
 */
export function deadlineMatches(s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const re = DEADLINE_RE;
  // Positions below `tried` were already tried as match starts (and failed) or lie inside a match.
  let tried = 0;
  // The next 年, 月 and 季 at or after the cursor, by native indexOf (faster than a loop over every character).
  const next = ANCHOR_CHARS.map((ch) => s.indexOf(ch));
  for (let a = nearest(next); a >= 0; a = nearest(next)) {
    for (let k = 0; k < next.length; k++) {
      if (next[k] === a) next[k] = s.indexOf(ANCHOR_CHARS[k] ?? '', a + 1);
    }
    let m: RegExpExecArray | null = null;
    for (let at = Math.max(tried, a - ANCHOR_BACK); at <= a && m === null; at++) {
      if (OPENERS[s.charCodeAt(at)] === 0) continue;
      re.lastIndex = at;
      m = re.exec(s);
      tried = at + 1;
    }
    if (m === null) continue;
    tried = m.index + m[0].length;
    // Anchors inside the match are consumed with it, as a global scan would.
    for (let k = 0; k < next.length; k++) {
      const at = next[k] ?? -1;
      if (at >= 0 && at < tried) next[k] = s.indexOf(ANCHOR_CHARS[k] ?? '', tried);
    }
    out.push(m);
  }
  return out;
}

/** Every deadline printed in text.slice(span.start, span.end), in order, with absolute sources. */
export function findDeadlines(text: string, span: Span, year: number | null): Deadline[] {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const slice = text.slice(start, end);
  const out: Deadline[] = [];
  for (const m of deadlineMatches(slice)) {
    const matched = m[0];
    const index = m.index;
    // A year glued to more digits (12021年) is not a year.
    if (/[0-9]/u.test(slice[index - 1] ?? '') && /^[0-9]/u.test(matched)) continue;
    if (isDurationOrRecurring(slice, index, matched)) continue;
    const deadline = resolve(m.groups ?? {}, year);
    if (deadline === undefined) continue;
    out.push({
      deadline,
      deadlineText: matched,
      source: { start: start + index, end: start + index + matched.length },
    });
  }
  return out;
}

const EMPTY_CELL = /^[\s\-—–/／、无暂无]*$/u;

/**
 * Reads a deadline cell of a table (完成时限). Any non-empty cell is a deadline as printed; its date is the
 * latest date the cell names (2024年3月底前完成方案，年底前完成建设 → year end), or null (长期坚持, 持续推进).
 */
export function parseDeadline(
  cell: string,
  year: number | null,
): { deadline: string | null; deadlineText: string } | null {
  const printed = cell.trim();
  if (EMPTY_CELL.test(printed)) return null;
  const found = findDeadlines(printed, { start: 0, end: printed.length }, year);
  let latest: string | null = null;
  for (const d of found) {
    if (d.deadline !== null && (latest === null || d.deadline > latest)) latest = d.deadline;
  }
  return { deadline: latest, deadlineText: printed };
}
