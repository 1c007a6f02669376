import { FILLER_WORDS, SYNONYMS, UNIT_CLASSES } from './rules.js';

/*
 * Text normalisation for the year-over-year matcher: what a phrase says once the year's particulars
 * (numbers, years, verbs of change, punctuation, full-width forms) are gone. Pure.
 */

/** Full-width ASCII forms (０-９, Ａ-Ｚ, ％, ＋) to half width, ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const YEAR = /(?:19|20)\d{2}\s*年(?:度|底|末|内)?/g;
// A number with the measure word or unit printed after it (10个百分点, 20家, 85%).
const NUMBER =
  /(?:[0-9]+(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千万亿两]+(?=[个家所项名人次年月]))(?:个百分点|百分点|人次|个|家|所|项|名|人|%)?/g;
// Punctuation and symbols, ASCII and CJK (、，。；：“”‘’《》（）【】·—… and the rest).
const PUNCTUATION = /[\p{P}\p{S}\s]/gu;

/** Folds the synonym table's second words into the first. */
export function foldSynonyms(text: string): string {
  let out = text;
  for (const [keep, other] of SYNONYMS) out = out.split(other).join(keep);
  return out;
}

function stripFillers(text: string): string {
  let out = text;
  for (const word of [...FILLER_WORDS].sort((a, b) => b.length - a.length)) out = out.split(word).join('');
  return out;
}

/** The comparable core of a metric phrase or title: no years, numbers, punctuation or filler verbs. */
export function normalisePhrase(text: string): string {
  const plain = toHalfWidth(text).replace(YEAR, '').replace(NUMBER, '').replace(PUNCTUATION, '');
  // A phrase opened by the number stripped above keeps its 的 (提高10个百分点的签约率): drop it.
  return stripFillers(foldSynonyms(plain)).replace(/^的/, '');
}

/** A metric phrase as compared across years (`2025年县域内就诊率` → `县域内就诊率`). */
export const normaliseMetric = normalisePhrase;

/** A unit as compared across years: half width, no spaces, 百分比 written as %. */
export function normaliseUnit(unit: string): string {
  const plain = toHalfWidth(unit).replace(/\s+/g, '');
  return plain === '百分比' || plain === '百分点' ? '%' : plain;
}

/** Whether two units measure the same kind of thing (equal, or in one class of UNIT_CLASSES). */
export function unitsCompatible(a: string, b: string): boolean {
  const x = normaliseUnit(a);
  const y = normaliseUnit(b);
  if (x === y) return true;
  return UNIT_CLASSES.some((units) => units.includes(x) && units.includes(y));
}

/** Character pairs of a string (a single character stands for itself). */
export function charPairs(text: string): string[] {
  // Code points, not grapheme clusters: plan text is Han and ASCII, where the two are the same.
  const chars = Array.from(text);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((ch, i) => `${chars[i] ?? ''}${ch}`);
}

/** Dice coefficient of two strings' character pairs (multiset), 0..1. */
export function pairDice(a: string, b: string): number {
  const x = charPairs(a);
  const y = charPairs(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const pair of x) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of y) {
    const left = counts.get(pair) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(pair, left - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
