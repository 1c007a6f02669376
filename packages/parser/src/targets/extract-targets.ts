import { OP_NOUN_MAKERS } from '../lexicon.js';
import type { Span, Target, TargetBasis, TargetOp } from '../plan.js';
import { findDeadlines, type Deadline } from './deadline.js';
import {
  endsWithMeasure,
  metricAfter,
  narrowMetric,
  sharedMetrics,
  splitList,
  trimToMeasure,
} from './metric.js';
import { isChineseNumeralChar, isDigit, mayStartNumber, readNumber, type NumberToken } from './numerals.js';
import { readContextUnit } from './context-units.js';
import {
  isComparisonSign,
  isConnectorGap,
  isConnectorGapAt,
  isWordInside,
  levelWordBefore,
  opEndingAt,
  opWordEndingAt,
  perPopulationBefore,
  readSuffix,
  type OpMatch,
  type SuffixMatch,
} from './ops.js';
import { indicatorColonBefore, indicatorLine, type IndicatorLine } from './indicator-line.js';
import { isPastResult } from './past.js';
import {
  clauseEnd,
  clauseStart,
  isClauseEnd,
  QuoteCursor,
  quotedSpans,
  SentenceCursor,
  sentenceEnd,
} from './scope.js';
import { isNonQuantityFollower, readUnit, type UnitKind, type UnitMatch } from './units.js';

export interface TargetScanOptions {
  /** The plan's year: relative deadlines (年内, 6月底前) resolve into it and earlier years are past results. */
  year: number | null;
  /** findDeadlines of the same span and year, when the caller has read them already (they are read once). */
  deadlines?: readonly Deadline[];
}

/** How far back an op word may stand from its number (新增3岁以下婴幼儿托位4000个). */
const OP_WINDOW = 24;
const CLAUSE_BACK = 80;
const SENTENCE_BACK = 200;

/** One printed value: a number (or a range, or a ratio) with its unit. */
interface Value {
  /** Where the value is printed (for a ratio 1:1.5, the 1). */
  start: number;
  lo: NumberToken;
  hi: NumberToken | null;
  ratio: boolean;
  unit: UnitMatch | null;
  /** End of the value and its unit. */
  end: number;
}

type ReadResult = { value: Value } | { skipTo: number };

const NOUN_MAKER_CODES: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (const ch of OP_NOUN_MAKERS) table[ch.charCodeAt(0)] = 1;
  return table;
})();
const RANGE_SEPARATORS = new Set(['-', '－', '~', '～', '〜', '—', '–', '到', '至']);
const LIST_SEPARATORS = new Set(['、', '和', '及', '与', '/']);
const BASELINE_BEFORE = new Set(['由', '从', '每', '第', '+', '＋', '/', '／', '#', '№', '.', '．']);
const STOCK_BEFORE = /^(?:全市|全县|全区|全省|全州|全旗|我市|我县|我区|辖区|全部|所有)$/u;
// 与8家社区卫生服务中心…: a count after 与 names the partners of an action, not an amount to reach.
const WHOLE_SET_BEFORE = /^(?:全部|所有)$/u;
const SCOPE_BEFORE = new Set(['在', '对', '向', '按', '于', '前', '近', '后', '与']);

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
}

function unitOf(tok: NumberToken, text: string, end: number, floor: number): UnitMatch | null {
  if (tok.impliedUnit !== null) return { unit: tok.impliedUnit, kind: 'rate', end: tok.end };
  const unit = readUnit(text, tok.end, end);
  if (unit !== null) return unit;
  // 岁, 级, 成 and Latin units only after a level word: ask for it only when one of them may follow.
  const next = text.charCodeAt(tok.end);
  if (!(CONTEXT_UNIT_FIRST.has(next) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)))
    return null;
  // An indicator line (人均预期寿命：79.2岁) states a level with its colon, as a level word would.
  const stated = levelWordBefore(text, tok.start, floor) || indicatorColonBefore(text, tok.start, floor) >= 0;
  return readContextUnit(text, tok.end, end, stated);
}

const CONTEXT_UNIT_FIRST = new Set(Array.from('周岁级成', (ch) => ch.charCodeAt(0)));

/** Reads the value starting with `tok`: its unit, a range partner (5-10个, 1到2个) or a ratio (1:1.5). */
function readValue(text: string, tok: NumberToken, end: number, floor: number): ReadResult {
  const before = text[tok.start - 1];
  if (!tok.chinese && (isAsciiLetter(before) || isDigit(before))) return { skipTo: tok.end };
  if (before !== undefined && BASELINE_BEFORE.has(before)) {
    return { skipTo: tok.end };
  }
  const unit = unitOf(tok, text, end, floor);
  if (unit === null && isNonQuantityFollower(text, tok.end, end)) return { skipTo: tok.end };
  let after = unit?.end ?? tok.end;
  const sep = text[after];
  // Range: the partner must be written the same way (digits with digits) and start right after the separator.
  if (sep !== undefined && RANGE_SEPARATORS.has(sep)) {
    const hiStart = after + 1;
    const startsNumber = tok.chinese ? isChineseNumeralChar(text[hiStart]) : isDigit(text[hiStart]);
    const hi = startsNumber ? readNumber(text, hiStart, end) : null;
    if (hi !== null && hi.chinese === tok.chinese) {
      const hiUnit = unitOf(hi, text, end, floor);
      if (hiUnit === null && isNonQuantityFollower(text, hi.end, end)) return { skipTo: hi.end };
      if (hi.value > tok.value && (unit === null || hiUnit === null || unit.unit === hiUnit.unit)) {
        const u = hiUnit ?? unit;
        return {
          value: { start: tok.start, lo: tok, hi, ratio: false, unit: u, end: hiUnit?.end ?? hi.end },
        };
      }
      // Dates, phone numbers and codes (2021-04-12, 0556-5583952): not a range, not a target.
      if (!(sep === '到' || sep === '至')) return { skipTo: hi.end };
    }
  }
  if (unit === null && (sep === ':' || sep === '：' || sep === '∶') && isDigit(text[after + 1])) {
    const second = readNumber(text, after + 1, end);
    if (second === null) return { skipTo: after + 1 };
    const tail = text[second.end];
    if (tail === ':' || tail === '：' || isDigit(text[tok.start - 1])) return { skipTo: second.end };
    return { value: { start: tok.start, lo: second, hi: null, ratio: true, unit: null, end: second.end } };
  }
  after = unit?.end ?? tok.end;
  return { value: { start: tok.start, lo: tok, hi: null, ratio: false, unit, end: after } };
}

/** The nearest op word before `pos` within the clause, skipping words that are part of a noun (完成率, 签约率). */
function findOp(text: string, pos: number, floor: number): OpMatch | null {
  const limit = Math.max(floor, pos - OP_WINDOW);
  let found: OpMatch | null = null;
  for (let e = pos; e > limit; e--) {
    const w = opWordEndingAt(text, e, limit);
    if (w === null) continue;
    const start = e - w.word.length;
    const loose = w.kind === 'verb' || w.kind === 'change';
    if (w.kind === 'tight' && e !== pos) continue;
    if (loose && e !== pos && NOUN_MAKER_CODES[text.charCodeAt(e)] === 1) continue;
    // 达 inside 到达/下达 and 约 inside 预约/签约 are not op words; one of them standing away from its
    // number is the end of another word (达标率100%: 达 is inside 达标, and 标率 is no metric).
    if (
      w.word.length === 1 &&
      w.kind === 'explicit' &&
      (isWordInside(text, start) || !isConnectorGapAt(text, e, pos))
    )
      continue;
    if (found !== null && !loose) break;
    found = { ...w, start, end: e };
    // A verb with words between it and the number may sit inside the object (新增[家庭医生签约]服务对象2万人):
    // keep looking for an outer verb that governs the whole object.
    if (!loose) break;
    if (isConnectorGapAt(text, e, pos)) break;
    e = start + 1;
  }
  // 控制在≤5%, 降到≤10/10万: the word before a sign is part of the op, not of the metric; the sign says which bound.
  if (found !== null && isComparisonSign(found.word)) {
    const word = opWordEndingAt(text, found.start, limit);
    if (word !== null && word.kind !== 'verb' && word.kind !== 'tight') {
      return {
        ...found,
        start: found.start - word.word.length,
        word: text.slice(found.start - word.word.length, found.end),
      };
    }
  }
  // 至少启动一轮, 至少开设2个: "at least" before the verb makes the verb's count a level to reach, whether
  // or not the verb is one we know (至少组织一轮).
  if (
    found?.word === '至少' &&
    pos - found.end === 2 &&
    /^\p{Script=Han}{2}$/u.test(text.slice(found.end, pos))
  ) {
    return { ...found, word: text.slice(found.start, pos), strong: true, end: pos };
  }
  if (found !== null && found.kind === 'verb') {
    const atLeast = opWordEndingAt(text, found.start, limit);
    if (atLeast?.word === '至少') {
      return { ...found, word: `至少${found.word}`, kind: 'explicit', strong: true, start: found.start - 2 };
    }
  }
  return found;
}

/**
 * A cheap first look before the full reading: a unitless Chinese numeral is never a target, and values that
 * need an op word (unitless, weak units, Chinese counts, ratios) are dropped when none stands near.
 */
function worthBuilding(text: string, v: Value, floor: number): boolean {
  const kind = unitKind(v);
  if (v.lo.chinese && kind === 'none' && v.lo.impliedUnit === null) return false;
  if (!v.lo.chinese && !v.ratio && (kind === 'rate' || kind === 'money' || kind === 'count')) return true;
  if (v.lo.impliedUnit !== null) return true;
  if (indicatorOf(text, v, floor, text.length) !== null) return true;
  return levelOp(text, v, Math.max(floor, v.start - OP_WINDOW), text.length) !== null;
}

/**
 * 满意度在90分以上: 在 right before a value whose comparison suffix closes the clause states a level. Without
 * the suffix, or with a noun after it (在6个试点县, 在30个以上乡镇推行), 在 names a scope instead.
 */
function levelAfterZai(text: string, v: Value, floor: number, end: number): OpMatch | null {
  const at = v.start - 1;
  if (at < floor || text[at] !== '在' || opWordEndingAt(text, v.start, floor) !== null) return null;
  const suffix = readSuffix(text, v.end, end);
  if (suffix === null || !(suffix.end >= end || isClauseEnd(text, suffix.end))) return null;
  return { word: '在', op: '>=', basis: 'level', kind: 'explicit', strong: true, start: at, end: v.start };
}

/** 每人每年99元, 每床6万元: an amount per head, printed right before the number. */
const PER_HEAD = /每(?:人|床|户|例)(?:每(?:年|月|日|天))?$/u;
const EVERY = '每'.charCodeAt(0);

/**
 * A standard per head (补助标准为每人每年94元, 按每人每年99元落实) is a level to meet exactly, and what names it
 * is the noun before 为/按, not a verb inside it (补助 in 补助标准): the op spans from there to the number.
 * A level word before the per-head phrase keeps its own op (提高到每人每年100元).
 */
function perHeadOp(text: string, pos: number, floor: number): OpMatch | null {
  const from = Math.max(floor, pos - 6);
  // Most numbers have no 每 just before them: look for it before building a slice for the regex.
  let hasEvery = false;
  for (let i = from; i < pos && !hasEvery; i++) hasEvery = text.charCodeAt(i) === EVERY;
  if (!hasEvery) return null;
  const m = PER_HEAD.exec(text.slice(from, pos));
  if (m === null) return null;
  const at = pos - m[0].length;
  const level = opEndingAt(text, at, floor);
  if (
    level !== null &&
    level.kind === 'explicit' &&
    !(level.word.length === 1 && isWordInside(text, level.start))
  ) {
    return { ...level, word: text.slice(level.start, pos), end: pos };
  }
  const start = at > floor && '按为是'.includes(text[at - 1] ?? ' ') ? at - 1 : at;
  return {
    word: text.slice(start, pos),
    op: '=',
    basis: 'level',
    kind: 'explicit',
    strong: true,
    start,
    end: pos,
  };
}

/** The op of a value: a per-head standard, a level after 在, or the nearest op word before it. */
function levelOp(text: string, v: Value, floor: number, end: number): OpMatch | null {
  return (
    perHeadOp(text, v.start, floor) ?? levelAfterZai(text, v, floor, end) ?? findOp(text, v.start, floor)
  );
}

/** The value as the level of an indicator line (孕产妇死亡率：≤12/10万), or null. */
function indicatorOf(text: string, v: Value, floor: number, end: number): IndicatorLine | null {
  if (v.lo.chinese || v.ratio) return null;
  return indicatorLine(text, { start: v.start, end: v.end, hasUnit: v.unit !== null }, floor, end);
}

function unitKind(v: Value): UnitKind | 'none' {
  return v.unit?.kind ?? 'none';
}

/** Whether the value is a commitment at all, given the op word before it (see UnitKind). */
function qualifies(
  text: string,
  v: Value,
  op: OpMatch | null,
  gapIsConnector: boolean,
  inBrackets: boolean,
  suffixEnd: number | null,
): boolean {
  const hasSuffix = suffixEnd !== null;
  const kind = unitKind(v);
  // A bracketed count without a verb explains a name (1+6方案（一个总体方案加6个子方案）); with one it is a task (（新增6家…）).
  if (inBrackets && op === null && (kind === 'count' || kind === 'weak')) return false;
  const tight = op !== null && gapIsConnector && op.word !== '有' && op.kind !== 'tight';
  const before = text[v.start - 1] ?? '';
  const opRightBefore = op !== null && op.end === v.start;
  // 每年开展一次: a frequency, not an amount. A population it is counted per (每百人天40DDDs) is no frequency.
  if (
    kind === 'weak' &&
    text.slice(Math.max(0, v.start - 6), v.start).includes('每') &&
    perPopulationBefore(text, v.start, 0) === v.start
  )
    return false;
  if (SCOPE_BEFORE.has(before) && !opRightBefore && (kind === 'count' || kind === 'weak')) return false;
  // 覆盖全部14个乡镇卫生院: all of an existing set; the commitment is the coverage, the count its scope.
  if (
    (kind === 'count' || kind === 'weak') &&
    !hasSuffix &&
    WHOLE_SET_BEFORE.test(text.slice(Math.max(0, v.start - 2), v.start))
  )
    return false;
  // …等25种重大疾病, 等四个中心: a count after 等 sums up the list before it; it sets no amount.
  if (before === '等' && (kind === 'count' || kind === 'weak' || kind === 'none')) return false;
  // 全市12家三级医院…: a count of what exists, unless a verb or 以上 makes it a commitment (全市30个以上…).
  if (
    kind === 'count' &&
    op === null &&
    !v.lo.chinese &&
    !hasSuffix &&
    STOCK_BEFORE.test(text.slice(v.start - 2, v.start))
  ) {
    return false;
  }
  if (v.ratio) return op !== null && op.kind !== 'verb';
  if (v.lo.chinese) {
    if (v.lo.impliedUnit !== null) return true;
    if (kind === 'rate' || kind === 'money') return tight || op?.kind === 'explicit' || op?.kind === 'change';
    if (op === null || kind === 'none') return false;
    // 培训家庭照护者两万人。: a strong verb, its object, then the count closing the clause.
    const valueEnd = suffixEnd ?? v.end;
    const closesClause = isClauseEnd(text, valueEnd) || valueEnd >= text.length;
    if (!tight && !(op.strong && op.kind !== 'tight' && closesClause)) return false;
    // 一个/一支 after a verb is mostly an article (建成一个平台); small Chinese counts after 落实/推进 are slogans.
    if (op.kind === 'verb' && (v.lo.value === 1 || !op.strong)) return false;
    return true;
  }
  switch (kind) {
    case 'rate':
    case 'money':
    case 'count':
      return true;
    case 'weak':
      return op !== null && op.kind !== 'tight' && op.word !== '有';
    case 'none':
      return (
        op !== null &&
        gapIsConnector &&
        (op.kind === 'explicit' || op.kind === 'change' || (op.kind === 'tight' && opRightBefore))
      );
  }
}

// 每个街道建成1个…: each X has exactly one. 至少/不少于 keep their own op.
const EACH_BUILDS =
  /每(?:一)?(?:个|所|家|座)?[^，。；,;]{1,10}?(?:建成|建设|建立|设立|设置|配备|组建|打造|确定)[^，。；,;]{0,12}$/;

function eachHasOne(
  text: string,
  cStart: number,
  v: Value,
  op: OpMatch | null,
  suffix: SuffixMatch | null,
): boolean {
  if (v.hi !== null || v.lo.value !== 1 || suffix !== null) return false;
  if (op !== null && op.kind !== 'verb') return false;
  return EACH_BUILDS.test(text.slice(cStart, v.start));
}

function decideOp(v: Value, op: OpMatch | null, suffix: SuffixMatch | null): TargetOp {
  if (v.hi !== null) return 'range';
  if (suffix?.op === '~' || op?.op === '~') return '~';
  let result: TargetOp;
  if (suffix !== null) result = suffix.op;
  else if (op !== null) result = op.op;
  else result = unitKind(v) === 'count' || unitKind(v) === 'weak' ? '>=' : '=';
  // Reaching 100% is reaching exactly 100%.
  const unit = v.unit?.unit ?? '';
  if (result === '>=' && suffix === null && v.lo.value === 100 && (unit === '%' || unit === '％'))
    result = '=';
  return result;
}

/** Splits a 分别 list's metric (A、B和C) into its members, as spans. */
function splitMetrics(text: string, span: Span): Span[] {
  return splitList(text, span)
    .map((s) => narrowMetric(text, s))
    .filter((s) => s.end > s.start);
}

function pickDeadline(
  deadlines: readonly Deadline[],
  text: string,
  pos: number,
  span: Span,
  sStart: number,
): Deadline | null {
  // First deadline starting at or after the sentence start; most numbers have none nearby, so stop early.
  let lo = 0;
  let hi = deadlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((deadlines[mid]?.source.start ?? 0) < sStart) lo = mid + 1;
    else hi = mid;
  }
  const firstNear = deadlines[lo];
  if (firstNear === undefined || firstNear.source.start > pos + SENTENCE_BACK) return null;
  const cStart = clauseStart(text, pos, span.start, CLAUSE_BACK);
  const cEnd = clauseEnd(text, pos, span.end, CLAUSE_BACK);
  const sEnd = sentenceEnd(text, pos, span.end, SENTENCE_BACK);
  let inClause: Deadline | null = null;
  let before: Deadline | null = null;
  let after: Deadline | null = null;
  for (let k = lo; k < deadlines.length && k < lo + 32; k++) {
    const d = deadlines[k];
    if (d === undefined || d.source.start >= sEnd) break;
    if (d.source.start >= cStart && d.source.end <= cEnd) {
      if (inClause === null || Math.abs(d.source.start - pos) < Math.abs(inClause.source.start - pos))
        inClause = d;
    } else if (d.source.end <= pos) before = d;
    else after ??= d;
  }
  return inClause ?? before ?? after;
}

/**
 * The metric a clause continues when it names none of its own (婴儿死亡率下降到4.2‰，今年要控制在4‰以内):
 * the lead-in of the previous clause of the same sentence, up to its first op word.
 */
function metricOfPreviousClause(text: string, cStart: number, sStart: number): Span | null {
  if (cStart - 1 <= sStart) return null;
  const pStart = clauseStart(text, cStart - 1, sStart, CLAUSE_BACK);
  for (let e = pStart + 1; e < cStart; e++) {
    const m = opEndingAt(text, e, pStart);
    if (m === null || m.kind === 'tight' || m.kind === 'verb') continue;
    const metric = narrowMetric(text, { start: pStart, end: m.start });
    if (metric.end - metric.start >= 2) return metric;
    // 合理提高人员支出的比例，逐步达到45%: nothing but an adverb before the op, so its object is the metric.
    const object = narrowMetric(text, { start: m.end, end: cStart - 1 });
    return object.end - object.start >= 2 && endsWithMeasure(text.slice(object.start, object.end))
      ? object
      : null;
  }
  return null;
}

interface Built {
  targets: Target[];
  end: number;
}

/**
 * Reads every quantitative commitment in text.slice(span.start, span.end). Sources are absolute into `text`.
 * Scans left to right once; every look-back and look-ahead is bounded, so the work is linear in the span.
 */
export function extractTargets(text: string, span: Span, options: TargetScanOptions): Target[] {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const bounds: Span = { start, end };
  // Quotes and deadlines are read once per call, and only when a number (or a target) needs them.
  let quotes: QuoteCursor | null = null;
  const scan: Scan = {
    bounds,
    deadlines: options.deadlines ?? null,
    sentences: new SentenceCursor(text, start, SENTENCE_BACK),
    year: options.year,
    previous: null,
  };
  const out: Target[] = [];
  let floor = start;
  let i = start;
  while (i < end) {
    if (!mayStartNumber(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const tok = readNumber(text, i, end);
    if (tok === null) {
      i++;
      continue;
    }
    quotes ??= new QuoteCursor(quotedSpans(text, start, end));
    if (quotes.covers(tok.start)) {
      i = Math.max(tok.end, i + 1);
      continue;
    }
    const read = readValue(text, tok, end, start);
    if ('skipTo' in read) {
      i = Math.max(read.skipTo, i + 1);
      continue;
    }
    const built = worthBuilding(text, read.value, bounds.start)
      ? buildTargets(text, read.value, bounds, Math.min(floor, tok.start), scan)
      : null;
    if (built === null) {
      i = Math.max(read.value.end, i + 1);
      continue;
    }
    out.push(...built.targets);
    floor = built.end;
    i = Math.max(built.end, read.value.end, i + 1);
  }
  return out;
}

function readList(text: string, first: Value, end: number, floor: number): Value[] {
  const list = [first];
  let at = first.end;
  while (list.length < 12 && at < end && LIST_SEPARATORS.has(text[at] ?? '')) {
    const next = text[at + 1];
    if (!(first.lo.chinese ? isChineseNumeralChar(next) : isDigit(next))) break;
    const tok = readNumber(text, at + 1, end);
    if (tok === null) break;
    const read = readValue(text, tok, end, floor);
    if ('skipTo' in read) break;
    const v = read.value;
    const prevUnit = list[list.length - 1]?.unit ?? null;
    if (v.unit === null && prevUnit === null && first.unit !== null) break;
    if (v.unit !== null && first.unit !== null && v.unit.kind !== first.unit.kind) break;
    list.push(v);
    at = v.end;
  }
  // A unit printed only after the last value belongs to all (9.5、7.5‰).
  const lastUnit = list[list.length - 1]?.unit ?? null;
  return list.map((v) => (v.unit === null && lastUnit !== null ? { ...v, unit: lastUnit } : v));
}

const PAST_MARKS = new Set(['年'.charCodeAt(0), '已'.charCodeAt(0)]);

/** Past results need 年 or 已 before the number in its sentence; most numbers have neither, so skip the regexes. */
function mayBePast(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (PAST_MARKS.has(text.charCodeAt(i))) return true;
  return false;
}

function scanDeadlines(text: string, scan: Scan): readonly Deadline[] {
  return (scan.deadlines ??= findDeadlines(text, scan.bounds, scan.year));
}

/** What one scan shares between the values it reads. */
interface Scan {
  bounds: Span;
  /** Read when a target first needs them (scanDeadlines). */
  deadlines: readonly Deadline[] | null;
  sentences: SentenceCursor;
  year: number | null;
  /** The metric and end of the last target built in this call (a later sub-group may share the metric). */
  previous: Previous | null;
}

interface Previous {
  metric: Span;
  end: number;
  unit: string;
  /** The targets built with that metric (built in this call, so still ours to rename). */
  targets: Target[];
}

/**
 * True when the lead-in of a value is a sub-group joined by 、 to the previous target (比例县区达到19%、
 * 开发区达到17%): a short name that measures nothing itself, a level word, and the same unit.
 */
function isSubGroup(
  text: string,
  previous: Previous,
  cStart: number,
  metric: Span,
  op: OpMatch | null,
  value: Value,
): boolean {
  if (op === null || op.kind !== 'explicit' || cStart !== previous.end || text[cStart] !== '、') return false;
  if ((value.unit?.unit ?? '') !== previous.unit) return false;
  // Only a measure is shared (检测比例); 农村服务人口…、城区… are two groups, each named by itself.
  const shared = trimToMeasure(text, previous.metric);
  if (!endsWithMeasure(text.slice(shared.start, shared.end))) return false;
  const length = metric.end - metric.start;
  return length > 0 && length <= 6 && !endsWithMeasure(text.slice(metric.start, metric.end));
}

/** Verbs that set out the plan's own contents (确定, 明确 …), and the nouns of its tasks. */
const SUMMARY_VERB = /确定|明确|梳理|列出|提出|细化|分解/u;
const TASK_NOUN = /任务|事项|措施|举措|工作|项目/u;
const SUMMARY_UNITS = new Set(['项', '条', '件']);

/**
 * 确定2026年重点工作任务12项, 明确重点任务20条: a count of the plan's own tasks, set out by a verb that
 * lists rather than commits, sums the document up. With an op word (完成重点任务12项) it is a target again.
 */
function isSummaryCount(text: string, v: Value, op: OpMatch | null, cStart: number): boolean {
  if (op !== null || v.hi !== null || !SUMMARY_UNITS.has(v.unit?.unit ?? '')) return false;
  const lead = text.slice(cStart, v.start);
  const verb = SUMMARY_VERB.exec(lead);
  if (verb === null) return false;
  const around = lead.slice(verb.index + verb[0].length) + text.slice(v.end, v.end + 8);
  return TASK_NOUN.test(around);
}

// 较2025年的61.2%提高2个百分点, 比上年的85%提高到90%, 在2025年88.5%的基础上提高到92%: a value between a
// comparison word and the change it is the base of is where the measure starts from, not a target.
// 比 in 比例/比率/比重/比值 is a noun.
const COMPARISON_BEFORE = /(?:较|(?<!对)比(?![例率重值])|相比|同比|在)[^，。；,;]{0,16}$/u;
const CHANGE_AFTER =
  /^的?(?:基础上|水平上)|^的?(?:相比)?[，,]?(?:再|进一步)?(?:提高|提升|增长|增加|上升|下降|降低|减少|缩短)/u;

function isComparisonBase(text: string, v: Value, cStart: number): boolean {
  const before = COMPARISON_BEFORE.exec(text.slice(cStart, v.start));
  if (before === null) return false;
  const after = text.slice(v.end, v.end + 10);
  // 在 opens a base only with 基础上 after the value (在6个试点县… names a scope).
  if (before[0].startsWith('在')) return /^的?基础上/u.test(after);
  return CHANGE_AFTER.test(after);
}

function buildTargets(text: string, first: Value, bounds: Span, floor: number, scan: Scan): Built | null {
  const pos = first.start;
  const cStart = clauseStart(text, pos, floor, CLAUSE_BACK);
  if (isComparisonBase(text, first, cStart)) return null;
  const indicator = indicatorOf(text, first, floor, bounds.end);
  const op = indicator?.op ?? levelOp(text, first, cStart, bounds.end);
  const gap = op === null ? '' : text.slice(op.end, pos);
  const gapIsConnector = op !== null && isConnectorGap(gap);
  const opener = text[cStart - 1];
  const suffixEnd = readSuffix(text, first.end, bounds.end)?.end ?? null;
  if (!qualifies(text, first, op, gapIsConnector, opener === '（' || opener === '(', suffixEnd)) return null;
  if (isSummaryCount(text, first, op, cStart)) return null;

  const sStart = scan.sentences.start(pos);
  if (
    mayBePast(text, sStart, pos) &&
    isPastResult(text.slice(sStart, pos), text.slice(cStart, pos), scan.year)
  ) {
    return null;
  }

  const values = first.ratio ? [first] : readList(text, first, bounds.end, bounds.start);
  const last = values[values.length - 1] ?? first;
  const suffix = readSuffix(text, last.end, bounds.end);
  const listEnd = suffix?.end ?? last.end;
  const basis: TargetBasis = op?.kind === 'change' ? 'change' : 'level';

  // Where the metric is printed: between the op and the number, after a count, or before the op.
  const leadEnd = op?.start ?? pos;
  const lead: Span = { start: cStart, end: leadEnd };
  const respectively = text.slice(cStart, leadEnd).lastIndexOf('分别');
  let metrics: Span[];
  let sourceEnd = listEnd;
  let shared: Span[] = [];
  if (indicator !== null) {
    metrics = [indicator.metric];
  } else if (respectively >= 0 && values.length > 1) {
    const members = splitMetrics(text, { start: cStart, end: cStart + respectively });
    metrics = members.length === values.length ? members : [narrowMetric(text, lead)];
  } else if (
    values.length === 1 &&
    (op === null || gapIsConnector) &&
    (shared = sharedMetrics(text, lead)).length > 1
  ) {
    // 申报率、检测率均达到95%: one value shared by different metrics gives one target each.
    metrics = shared;
  } else {
    let metric: Span | null = null;
    if (op !== null && !gapIsConnector && op.kind !== 'tight') {
      const g = narrowMetric(text, { start: op.end, end: pos });
      if (g.end - g.start >= 2) metric = g;
    }
    const kind = unitKind(first);
    if (metric === null && (kind === 'count' || kind === 'weak') && values.length === 1) {
      const a = metricAfter(text, listEnd, bounds.end);
      if (a.end - a.start >= 2) {
        metric = a;
        sourceEnd = Math.max(sourceEnd, a.end);
      }
    }
    metric ??= narrowMetric(text, lead);
    // 推动90%以上的乡镇卫生院…: nothing names the value before it, so the noun after it does.
    if (metric.end - metric.start < 2 && values.length === 1) {
      const a = metricAfter(text, listEnd, bounds.end);
      if (a.end - a.start >= 2) {
        metric = a;
        sourceEnd = Math.max(sourceEnd, a.end);
      }
    }
    if (metric.end - metric.start < 2 && isClauseEnd(text, cStart - 1)) {
      metric = metricOfPreviousClause(text, cStart, sStart) ?? metric;
    }
    // 检测比例县区达到19%、开发区达到17%: a sub-group coordinated with the previous target shares its metric.
    const previous = scan.previous;
    if (previous !== null && values.length === 1 && isSubGroup(text, previous, cStart, metric, op, first)) {
      metric = trimToMeasure(text, previous.metric);
      // The previous target named the measure with its own sub-group (比例县区): name the measure alone.
      for (const t of previous.targets) t.metric = text.slice(metric.start, metric.end);
    }
    metrics = [metric];
  }

  const targets: Target[] = [];
  // One target per value, or per metric when a list of measures shares one value.
  const count = Math.max(metrics.length, values.length);
  for (let k = 0; k < count; k++) {
    const metric = metrics[k] ?? metrics[0] ?? { start: pos, end: pos };
    const v = values[k] ?? first;
    const ownSuffix = v === last ? suffix : (readSuffix(text, v.end, bounds.end) ?? suffix);
    const opValue = eachHasOne(text, cStart, v, op, ownSuffix) ? '=' : decideOp(v, op, ownSuffix);
    const sourceStart = Math.min(metric.start, op?.start ?? pos, pos);
    const source = { start: sourceStart, end: Math.max(sourceEnd, metric.end) };
    const deadline = pickDeadline(scanDeadlines(text, scan), text, v.start, bounds, sStart);
    targets.push({
      metric: text.slice(metric.start, metric.end),
      op: opValue,
      value: v.hi !== null ? [v.lo.value, v.hi.value] : v.lo.value,
      unit: v.unit?.unit ?? '',
      basis,
      text: text.slice(source.start, source.end),
      source,
      deadline: deadline?.deadline ?? null,
      deadlineText: deadline?.deadlineText ?? null,
    });
  }
  const lastMetric = metrics[metrics.length - 1];
  scan.previous =
    lastMetric === undefined
      ? null
      : { metric: lastMetric, end: Math.max(listEnd, sourceEnd), unit: last.unit?.unit ?? '', targets };
  return { targets, end: Math.max(listEnd, sourceEnd) };
}
