import { NOUN_MAKERS } from '../lexicon.js';
import type { Span } from '../plan.js';

/*
 * The metric is always a substring of the plan text: these helpers narrow a span rather than build a
 * string, so `metric` stays "as printed". All loops are bounded by the span they are given (a clause).
 */

/** Words that open a clause but are not part of what is measured (确保全市…, 力争…, 年内…). */
const LEADING_WORDS = [
  '在此基础上',
  '进一步',
  '确保',
  '力争',
  '争取',
  '努力',
  '实现',
  '推动',
  '推进',
  '促进',
  '持续',
  '继续',
  '稳步',
  '逐步',
  '不断',
  '有效',
  '切实',
  '合理',
  '稳妥',
  '大力',
  '积极',
  '着力',
  '有序',
  '加快',
  '显著',
  '明显',
  '大幅',
  '保证',
  '同时',
  '其中',
  '全面',
  '全市',
  '全县',
  '全区',
  '全省',
  '全国',
  '全州',
  '全旗',
  '全盟',
  '我市',
  '我县',
  '我区',
  '我省',
  '本市',
  '本县',
  '全年',
  '年内',
  '年底前',
  '年底',
  '今年',
  '当年',
  '巩固',
  '保障',
  '按照',
  '按',
  '和',
  '及',
  '与',
  '、',
];

/** Words that end a clause's lead-in but not the metric (…建设率力争达到 → 建设率). */
const TRAILING_WORDS = [
  // 占比同比下降1个百分点: the comparison says what the change is measured against, not what changes.
  '同比',
  '环比',
  '每人每年',
  '每人',
  '进一步',
  '力争',
  '争取',
  '要求',
  '确保',
  '总体',
  '分别',
  '稳定',
  '继续',
  '持续',
  '全部',
  '逐步',
  '每年',
  '均',
  '都',
  '要',
  '将',
  '再',
  '的',
  '应',
  '需',
  '须',
  '、',
];

/** Verbs after which a lead-in ends and the metric starts (每个县区建成|各类示范点, 确保|接种率). */
const LEAD_IN_VERBS = ['确保', '力争', '争取', '实现', '推动', '要求', '建成', '推出', '推广', '开设'];

const ENUMERATOR =
  /^(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,3}[.、．]|[①-⑳])/u;
const PER_UNIT_LEAD = /^以[^，。；,;]{1,8}?为单位/u;
const LEADING_TIME =
  /^(?:到|至|在|于)?(?:(?:19|20)[0-9]{2}年(?:年底|年末|底|末)?(?:前|以前|之前)?|[0-9]{1,2}月(?:底|末)?(?:前|以前)?)/u;
const SPACE = /^[\s\u3000]+/u;
const TRAILING_SPACE = /[\s\u3000]+$/u;

/** First characters of everything isLeadingNoise strips; any other first character means no noise. */
const LEADING_FIRST = new Set([
  ...LEADING_WORDS.map((w) => w.charAt(0)),
  ...Array.from('一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳以到至在于'),
]);
const TRAILING_LAST = new Set(TRAILING_WORDS.map((w) => w.charAt(w.length - 1)));

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\t' || ch === '\n' || ch === '\r' || /\s/u.test(ch);
}

/** 每个乡镇卫生院…, 每家医院…: the facility a count is per is its scope, not what is counted. */
const PER_FACILITY = /^每一?[个家所座]/u;
const FACILITY_WORDS = [
  '卫生院',
  '卫生室',
  '卫生所',
  '卫生站',
  '服务站',
  '医共体',
  '医院',
  '中心',
  '机构',
  '社区',
  '街道',
  '乡镇',
  '学校',
  '科室',
  '县区',
  '单位',
];
const MAX_FACILITY = 16;

/** Length of a leading 每个<facility> (the last facility word within reach), or 0. */
function perFacilityLead(s: string): number {
  const m = PER_FACILITY.exec(s);
  if (m === null) return 0;
  let best = 0;
  const limit = Math.min(s.length - 2, MAX_FACILITY);
  for (let e = m[0].length + 2; e <= limit; e++) {
    for (const w of FACILITY_WORDS) {
      if (e - w.length >= m[0].length && s.startsWith(w, e - w.length)) {
        best = e;
        break;
      }
    }
  }
  return best;
}

function isLeadingNoise(s: string): number {
  const first = s.charAt(0);
  if (first === '每') return perFacilityLead(s);
  if (isSpace(first)) return SPACE.exec(s)?.[0].length ?? 0;
  if (!LEADING_FIRST.has(first)) return 0;
  const m = ENUMERATOR.exec(s) ?? PER_UNIT_LEAD.exec(s) ?? LEADING_TIME.exec(s);
  if (m !== null) return m[0].length;
  for (const w of LEADING_WORDS) if (s.startsWith(w)) return w.length;
  return 0;
}

function trailingNoise(s: string): number {
  const last = s.charAt(s.length - 1);
  if (last !== '' && isSpace(last)) return TRAILING_SPACE.exec(s)?.[0].length ?? 0;
  if (!TRAILING_LAST.has(last)) return 0;
  for (const w of TRAILING_WORDS) if (s.endsWith(w)) return w.length;
  return 0;
}

/** A count inside a lead-in qualifies the subject (每个县区至少要有一个|实验室检测能力): the metric follows it. */
const LEAD_IN_COUNT = /(?:[0-9]{1,6}|[一二两三四五六七八九十]{1,3})[个家所名项](?!百分点)/gu;

/** Index in `s` just after the last lead-in verb or count, or 0. */
function afterLastLeadIn(s: string): number {
  let best = 0;
  for (const m of s.matchAll(LEAD_IN_COUNT)) {
    const after = m.index + m[0].length;
    if (s.length - after >= 2 && after > best) best = after;
  }
  for (const v of LEAD_IN_VERBS) {
    let from = s.length;
    while (from > 0) {
      const at = s.lastIndexOf(v, from - 1);
      if (at < 0) break;
      const after = at + v.length;
      if (!NOUN_MAKERS.has(s[after] ?? '') && s.length - after >= 2) {
        if (after > best) best = after;
        break;
      }
      from = at;
    }
  }
  return best;
}

/** Where a comparison (较2018年, 比上年, 在…基础上) starts inside a lead-in: the metric ends before it. */
function comparisonStart(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const ch = s[i];
    if ((ch === '由' || ch === '从') && /[0-9０-９]/u.test(s[i + 1] ?? '')) return i;
    // 在2025年88.5%的基础上: the base the change starts from.
    if (ch === '在' && /^在[^，。；,;]{1,20}基础上/u.test(s.slice(i))) return i;
    if (ch !== '较' && ch !== '比') continue;
    const rest = s.slice(i + 1, i + 3);
    if (/^(?:[0-9]|上年|去年|同期|基期|上一)/u.test(rest)) return i;
    if (ch === '较' && rest.length > 0) return i;
  }
  return s.length;
}

const MAX_METRIC = 40;

/** Role words that make a bracket a responsibility clause (（医政股牵头，县医院配合）, （责任科室：…）). */
const ROLE_WORD = /牵头|配合|负责|参与|协办|协助|责任/u;
const MAX_NOTE = 80;

const OPENERS = new Set(['（', '(', '【', '[', '［']);
const CLOSERS = new Set(['）', ')', '】', ']', '］']);

/** True when the bracket group text.slice(open, close + 1) prints a role word: a clause, never a metric. */
function isClauseNote(text: string, open: number, close: number): boolean {
  return close - open <= MAX_NOTE && ROLE_WORD.test(text.slice(open + 1, close));
}

/**
 * Where a metric may start inside [start, end): after the last responsibility clause in brackets (…配合）
 * 急性心梗患者平均门球时间…), so a clause printed before the metric with no 。 after it is never read as part of
 * what is measured. Scans backwards from `end`; each group's look-back is bounded.
 */
function afterClauseNote(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) {
    if (!CLOSERS.has(text[i] ?? '')) continue;
    // The group may open before the lead-in, which then starts inside it (配合）急性…: clauseStart stopped at
    // the clause's own comma).
    const open = openingOf(text, i, 0);
    if (open >= 0 && isClauseNote(text, open, i)) return i + 1;
    // An unmatched closer, or a group reaching out of the lead-in: leave the lead-in as it is.
    if (open < start) return start;
    // Not a clause: go on before the group (each character is passed once).
    i = open;
  }
  return start;
}

/** Index of the bracket opening the group closed at `close` (bounded by MAX_NOTE), or -1. */
function openingOf(text: string, close: number, floor: number): number {
  let depth = 0;
  for (let j = close - 1; j >= Math.max(floor, close - MAX_NOTE); j--) {
    const ch = text[j] ?? '';
    if (CLOSERS.has(ch)) depth++;
    else if (OPENERS.has(ch)) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

/** Narrows the lead-in text before an op (or a number) to the metric. */
export function narrowMetric(text: string, span: Span): Span {
  let start = span.start;
  let end = span.end;
  if (end - start > 200) start = end - 200;
  start = afterClauseNote(text, start, end);
  let s = text.slice(start, end);
  const cut = comparisonStart(s);
  if (cut < s.length) {
    end = start + cut;
    s = s.slice(0, cut);
  }
  const lead = afterLastLeadIn(s);
  if (lead > 0) {
    start += lead;
    s = s.slice(lead);
  }
  for (let guard = 0; guard < 12 && s.length > 0; guard++) {
    const n = isLeadingNoise(s);
    const t = trailingNoise(s);
    if (n === 0 && t === 0) break;
    if (n > 0 && s.length > n) {
      start += n;
      s = s.slice(n);
    } else if (n > 0) {
      start += n;
      s = '';
      break;
    }
    const t2 = trailingNoise(s);
    if (t2 > 0) {
      end -= t2;
      s = s.slice(0, s.length - t2);
    }
  }
  if (end - start > MAX_METRIC) {
    // Too long for one name: keep the tail from a list boundary (A率、B率、…、Z培训率 → the last members).
    const tail = text.slice(end - MAX_METRIC, end);
    const cutAt = tail.search(/[、的]/u);
    start = end - MAX_METRIC + (cutAt >= 0 && cutAt < tail.length - 2 ? cutAt + 1 : 0);
  }
  if (end < start) end = start;
  return { start, end };
}

/** Words at which the noun after a count stops (推进78个发热诊室|建设, 培训35名医师|，). */
const AFTER_STOP_WORDS = [
  '全面开展',
  '全面推进',
  '全面完成',
  '全面落实',
  '开展',
  '进行',
  '通过',
  '承担',
  '参与',
  '创成',
  '创建',
  '达到',
  '达标',
  '实现',
  '完成',
  '建设',
  '新建',
  '修缮',
  '改造',
  '开工',
  '建成',
  '落地',
  '挂牌',
  '接受',
  '纳入',
  '获得',
  '设置',
  '投入',
  '用于',
  '作为',
  '以上',
  '以及',
  '均',
  '及',
  '和',
];
const AFTER_STOP_CHARS = new Set([
  '，',
  ',',
  '。',
  '；',
  ';',
  '：',
  ':',
  '！',
  '？',
  '!',
  '?',
  '、',
  '\n',
  '\r',
  '“',
  '”',
  '"',
  '《',
  '》',
]);
const MAX_AFTER = 24;

/** Index of the bracket closing the group opened at `open` (bounded by MAX_NOTE), or `open` when none. */
function closingOf(text: string, open: number, limit: number): number {
  let depth = 0;
  const stop = Math.min(limit, open + MAX_NOTE + 1);
  for (let i = open + 1; i < stop; i++) {
    const ch = text[i] ?? '';
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return open;
}

/** The thing counted, printed after a count's unit (新增6个|临床重点专科|，). */
export function metricAfter(text: string, pos: number, limit: number): Span {
  let start = pos;
  // 的 / a year qualifier before the noun: 6万管/日的核酸检测基地, 15项2021年度重点任务
  for (let guard = 0; guard < 3; guard++) {
    if (text[start] === '的') {
      start++;
      continue;
    }
    const year = /^(?:19|20)[0-9]{2}年度?/u.exec(text.slice(start, start + 7));
    if (year !== null) {
      start += year[0].length;
      continue;
    }
    break;
  }
  let end = start;
  let depth = 0;
  const hardEnd = Math.min(limit, start + MAX_AFTER);
  while (end < hardEnd) {
    const ch = text[end] ?? '';
    if (ch === '（' || ch === '(') {
      // A responsibility clause after the noun counted is not part of it (覆盖14个乡镇卫生院（中医股牵头…）).
      if (isClauseNote(text, end, closingOf(text, end, limit))) break;
      depth++;
    } else if (ch === '）' || ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      if (AFTER_STOP_CHARS.has(ch) || (ch >= '0' && ch <= '9')) break;
      let stop = false;
      for (const w of AFTER_STOP_WORDS) {
        if (text.startsWith(w, end) && end > start) {
          stop = true;
          break;
        }
      }
      if (stop) break;
    }
    end++;
  }
  // Trailing partial brackets or particles are not part of the noun.
  while (end > start && /[的（(\s]/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Endings of a phrase that names something measured (接种率, 占比, 床位数, 诊疗量, 人均预期寿命, 补助标准). */
const MEASURE_ENDINGS = [
  '率',
  '比例',
  '比重',
  '比',
  '数',
  '量',
  '度',
  '值',
  '额',
  '费用',
  '经费',
  '水平',
  '寿命',
  '标准',
  '时间',
  '人次',
];

/** True when `s` ends with a word that names a measure: it can stand alone as a metric. */
export function endsWithMeasure(s: string): boolean {
  for (const w of MEASURE_ENDINGS) if (s.endsWith(w)) return true;
  return false;
}

/**
 * Cuts a short sub-group printed after the measure (检测比例|县区 → 检测比例), so a metric shared by
 * coordinated sub-groups names the measure only. Returns the span unchanged when it ends with a measure.
 */
export function trimToMeasure(text: string, span: Span): Span {
  const s = text.slice(span.start, span.end);
  if (endsWithMeasure(s)) return span;
  for (let cut = s.length - 1; cut >= Math.max(2, s.length - 4); cut--) {
    if (endsWithMeasure(s.slice(0, cut))) return { start: span.start, end: span.start + cut };
  }
  return span;
}

const LIST_MARKS = new Set(['、', '和', '及', '与']);

/** Splits a list (A、B和C) at its separators outside brackets and quotes, as spans. */
export function splitList(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let from = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i] ?? '';
    if (ch === '（' || ch === '(' || ch === '“') depth++;
    else if (ch === '）' || ch === ')' || ch === '”') depth = Math.max(0, depth - 1);
    else if (depth === 0 && LIST_MARKS.has(ch)) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end: span.end });
  return out;
}

/**
 * The metrics of a lead-in that lists several measures sharing one value (申报率、检测率均达到95%), or []
 * when it names one. Members that measure nothing themselves are subjects of the next measure
 * (高血压、糖尿病患者规范管理率; 负责人、管理人员和劳动者培训率) and stay with it, so a list of subjects of one
 * metric is one metric; a trailing member that measures nothing means the list is not one of measures.
 */
export function sharedMetrics(text: string, lead: Span): Span[] {
  // Cheap first look: some member before the last must end with a measure right at its separator.
  let measureBeforeMark = false;
  for (let i = lead.start; i < lead.end && !measureBeforeMark; i++) {
    measureBeforeMark =
      LIST_MARKS.has(text[i] ?? '') && endsWithMeasure(text.slice(Math.max(lead.start, i - 2), i));
  }
  if (!measureBeforeMark) return [];
  const members = splitList(text, lead)
    .map((m) => narrowMetric(text, m))
    .filter((m) => m.end > m.start);
  const groups: Span[] = [];
  let groupStart: number | null = null;
  for (const m of members) {
    groupStart ??= m.start;
    if (!endsWithMeasure(text.slice(m.start, m.end))) continue;
    groups.push({ start: groupStart, end: m.end });
    groupStart = null;
  }
  return groupStart === null && groups.length > 1 ? groups : [];
}
