import type { TargetBasis, TargetOp } from '../plan.js';

/**
 * What a word before a number says about it.
 * - `explicit`: a comparison or level word (达到, 不低于, 控制在 …): it makes even a unitless number a target.
 * - `change`: 提高/下降 … BY an amount (basis `change`); with 到/至 after it, it is `explicit` instead.
 * - `verb`: a commitment verb (新增, 建成, 培训 …): it makes a count a target but not a bare number.
 * - `tight`: 为/是, which only count when directly before the number (检测率为100%), never across a gap.
 */
export type OpKind = 'explicit' | 'change' | 'verb' | 'tight';

export interface OpWord {
  word: string;
  op: TargetOp;
  basis: TargetBasis;
  kind: OpKind;
  /** A verb that creates or adds countable things (新增, 建成, 培训): it makes even a Chinese-numeral count a target. */
  strong: boolean;
}

const GE = '>=';
const LE = '<=';

const STRONG_VERBS = new Set([
  '新增',
  '新建',
  '新设',
  '增设',
  '扩建',
  '改建',
  '建成',
  '创建',
  '创成',
  '争创',
  '培训',
  '培养',
  '招聘',
  '招收',
  '招募',
  '引进',
  '遴选',
  '组建',
  '设立',
  '打造',
  '认定',
  '配备',
  '完成',
]);

function words(list: readonly string[], op: TargetOp, basis: TargetBasis, kind: OpKind): OpWord[] {
  return list.map((word) => ({ word, op, basis, kind, strong: kind !== 'verb' || STRONG_VERBS.has(word) }));
}

const OP_WORDS: readonly OpWord[] = [
  ...words(
    [
      '达到',
      '达',
      '保持在',
      '保持',
      '维持在',
      '稳定在',
      '不低于',
      '不少于',
      '不小于',
      '不下于',
      '至少',
      '超过',
      '高于',
      '大于',
      '多于',
      '提高到',
      '提高至',
      '提升到',
      '提升至',
      '增加到',
      '增加至',
      '增长到',
      '增长至',
      '增至',
      '增到',
      '上升到',
      '上升至',
      '扩大到',
      '扩大至',
      '扩大为',
    ],
    GE,
    'level',
    'explicit',
  ),
  ...words(
    [
      '控制在',
      '控制到',
      '控制',
      '降至',
      '降到',
      '降低到',
      '降低至',
      '下降到',
      '下降至',
      '减少到',
      '减少至',
      '减至',
      '压缩到',
      '压缩至',
      '压减到',
      '压减至',
      '缩短到',
      '缩短至',
      '不超过',
      '不高于',
      '不大于',
      '不多于',
      '低于',
      '小于',
      '少于',
    ],
    LE,
    'level',
    'explicit',
  ),
  // Printed comparison signs (≤12/10万, 控制在≤5%). A strict sign reads as the level it bounds: plans mean
  // "at least" by ＞95% as often as "more than", and TargetOp has no strict comparison.
  ...words(['≥', '≧', '＞', '>'], GE, 'level', 'explicit'),
  ...words(['≤', '≦', '＜', '<'], LE, 'level', 'explicit'),
  ...words(['约为', '大约', '约'], '~', 'level', 'explicit'),
  ...words(['等于'], '=', 'level', 'explicit'),
  ...words(['为', '是'], '=', 'level', 'tight'),
  ...words(
    [
      '提高',
      '提升',
      '增长',
      '增加',
      '上升',
      '扩大',
      '下降',
      '降低',
      '减少',
      '缩短',
      '压缩',
      '压减',
      '增幅',
      '降幅',
    ],
    GE,
    'change',
    'change',
  ),
  ...words(
    [
      '新增',
      '新建',
      '新设',
      '增设',
      '扩建',
      '改建',
      '改造',
      '完成',
      '建成',
      '建设',
      '创建',
      '创成',
      '争创',
      '培训',
      '培养',
      '招聘',
      '招收',
      '招募',
      '引进',
      '遴选',
      '选派',
      '派驻',
      '推进',
      '落实',
      '实现',
      '覆盖',
      '开展',
      '组建',
      '设立',
      '设置',
      '配备',
      '配置',
      '打造',
      '认定',
      '举办',
      '实施',
      '建立',
      '培育',
      '扶持',
      '支持',
      '救治',
      '筛查',
      '接种',
      '签约',
      '申报',
      '评选',
      '提供',
      '投入',
      '争取',
      '发展',
      '启动',
      '升级',
      '达标',
      '命名',
      '授牌',
      '补助',
      '资助',
      '培植',
      '推广',
      '推出',
      '开设',
      '入选',
      '通过',
      '有',
    ],
    GE,
    'level',
    'verb',
  ),
];

/** Words by the code of their last character, longest first, so 不少于 wins over 少于 and 保持在 over 保持. */
const BY_LAST_CHAR: ReadonlyMap<number, readonly OpWord[]> = (() => {
  const map = new Map<number, OpWord[]>();
  for (const w of OP_WORDS) {
    const last = w.word.charCodeAt(w.word.length - 1);
    const list = map.get(last) ?? [];
    list.push(w);
    map.set(last, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.word.length - a.word.length);
  return map;
})();

/** Per UTF-16 code: 1 + the index of its list in LISTS when some op word ends with it, else 0. */
const LISTS: readonly (readonly OpWord[])[] = [...BY_LAST_CHAR.values()];
const LAST_CHAR_INDEX: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  [...BY_LAST_CHAR.keys()].forEach((code, k) => {
    table[code] = k + 1;
  });
  return table;
})();

export interface OpMatch extends OpWord {
  start: number;
  end: number;
}

/** The op word ending exactly at `end` (exclusive), not reaching before `floor`. */
export function opWordEndingAt(text: string, end: number, floor: number): OpWord | null {
  const index = LAST_CHAR_INDEX[text.charCodeAt(end - 1)] ?? 0;
  if (index === 0) return null;
  const list = LISTS[index - 1];
  if (list === undefined) return null;
  for (const w of list) {
    const start = end - w.word.length;
    if (start >= floor && text.startsWith(w.word, start)) return w;
  }
  return null;
}

/** Like opWordEndingAt, with the match's position. */
export function opEndingAt(text: string, end: number, floor: number): OpMatch | null {
  const w = opWordEndingAt(text, end, floor);
  return w === null ? null : { ...w, start: end - w.word.length, end };
}

const SIGNS = new Set(['≥', '≧', '＞', '>', '≤', '≦', '＜', '<']);

/** True for a printed comparison sign (≥, ＜ …) rather than a word. */
export function isComparisonSign(word: string): boolean {
  return SIGNS.has(word);
}

const EVERY = '每'.charCodeAt(0);
/**
 * A population the value is counted per, printed between the level word and the number (托位数达到每千人口4.2个,
 * 达到每万名老年人3张, 使用强度控制在每百人天40DDDs): part of the measure, so the metric is still the phrase
 * before the level word. 人天/人日/床日 are the patient-days antibiotic use is counted per.
 */
const PER_POPULATION =
  /^每(?:[0-9]{1,6}[十百千万]?|[十百千万]{1,2})(?:名|个)?(?:常住|户籍|服务|住院)?(?:人口|人天|人日|床日|人|居民|老年人|老人|儿童|妇女|育龄妇女|新生儿|活产儿|活产)$/u;
const MAX_PER_POPULATION = 14;

function isPerPopulationAt(text: string, from: number, to: number): boolean {
  return to - from <= MAX_PER_POPULATION && PER_POPULATION.test(text.slice(from, to));
}

/** Start of a per-population phrase ending at `pos` (控制在|每百人天|40DDDs), or `pos` when there is none. */
export function perPopulationBefore(text: string, pos: number, floor: number): number {
  for (let at = pos - 2; at >= Math.max(floor, pos - MAX_PER_POPULATION); at--) {
    if (text.charCodeAt(at) === EVERY) return isPerPopulationAt(text, at, pos) ? at : pos;
  }
  return pos;
}

/** Small words allowed between an op word and its number without changing its meaning (达到了, 再提升, 实现有1家). */
const CONNECTORS = new Set(['到', '至', '在', '为', '了', '再', '约', '有', '要', '达', '将', '共', '计']);

export function isConnectorGap(gap: string): boolean {
  return isConnectorGapAt(gap, 0, gap.length);
}

/** isConnectorGap of text.slice(from, to), without building the slice (the scan asks this for every op word). */
export function isConnectorGapAt(text: string, from: number, to: number): boolean {
  if (to > from && text.charCodeAt(from) === EVERY) return isPerPopulationAt(text, from, to);
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) if (!CONNECTORS.has(text[i] ?? '')) return false;
  return true;
}

export interface SuffixMatch {
  op: TargetOp;
  end: number;
}

const SUFFIXES: readonly { word: string; op: TargetOp }[] = [
  { word: '及以上', op: GE },
  { word: '以上', op: GE },
  { word: '及以下', op: LE },
  { word: '以下', op: LE },
  { word: '以内', op: LE },
  { word: '之内', op: LE },
  { word: '左右', op: '~' },
  { word: '上下', op: '~' },
];

/** 以上 / 以下 / 以内 / 左右 printed right after a number's unit. */
export function readSuffix(text: string, pos: number, end: number): SuffixMatch | null {
  for (const s of SUFFIXES) {
    if (pos + s.word.length <= end && text.startsWith(s.word, pos))
      return { op: s.op, end: pos + s.word.length };
  }
  return null;
}

/**
 * True when a level or change word (达到, 提高到, 控制在, 减少 …) ends right before `pos`, with at most two
 * connector characters between (达到了). What makes 79.5岁 or 4级 an amount rather than an age or a grade.
 */
export function levelWordBefore(text: string, pos: number, floor: number): boolean {
  let e = perPopulationBefore(text, pos, floor);
  for (let skipped = 0; ; skipped++) {
    const w = opWordEndingAt(text, e, floor);
    if (w !== null && (w.kind === 'explicit' || w.kind === 'change')) {
      return !(w.word.length === 1 && isWordInside(text, e - 1));
    }
    if (skipped === 2 || e - 1 < floor || !CONNECTORS.has(text[e - 1] ?? '')) return false;
    e--;
  }
}

/** Characters that, before a one-character op word (达, 约), make it the end of another word (到达, 预约). */
const WORD_BEFORE_ONE_CHAR_OP = new Set(Array.from('到下表传抵发送转预节签制公契合违履特邀集婚隐相缔'));

/** True when the one-character op word at `at` ends another word (到达, 下达, 预约, 签约). */
export function isWordInside(text: string, at: number): boolean {
  if (SIGNS.has(text[at] ?? '')) return false;
  return WORD_BEFORE_ONE_CHAR_OP.has(text[at - 1] ?? '');
}
