import type { TargetOp } from '../plan.js';
import { COMPARISON_SIGNS, OP_CONNECTORS, OP_SUFFIXES, OP_WORDS, type OpWord } from '../lexicon.js';

export type { OpKind, OpWord } from '../lexicon.js';

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

/** True for a printed comparison sign (≥, ＜ …) rather than a word. */
export function isComparisonSign(word: string): boolean {
  return COMPARISON_SIGNS.has(word);
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
const CONNECTORS = new Set(OP_CONNECTORS);

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

/** 以上 / 以下 / 以内 / 左右 printed right after a number's unit. */
export function readSuffix(text: string, pos: number, end: number): SuffixMatch | null {
  for (const s of OP_SUFFIXES) {
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
  if (COMPARISON_SIGNS.has(text[at] ?? '')) return false;
  return WORD_BEFORE_ONE_CHAR_OP.has(text[at - 1] ?? '');
}
