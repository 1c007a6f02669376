/**
 * Text comparison for scoring. Labels and engine output may differ in character width (，/,) and
 * spacing without being wrong, so everything is compared after `normalise`.
 */

const TRAILING_PUNCTUATION = /[\s,.;:!?、。；：，！？…]+$/u;
const ALL_SPACE = /\s+/gu;

/** NFKC (full-width → half-width), no whitespace, no trailing punctuation. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(ALL_SPACE, '').replace(TRAILING_PUNCTUATION, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const counts = new Map<string, number>();
  // A one-character string is its own "bigram" so that 科 vs 科 still compares equal.
  if (chars.length === 1) counts.set(text, 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice over character bigrams (multiset), 0..1; two empty strings are identical. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  for (const n of left.values()) total += n;
  for (const n of right.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, n] of left) shared += Math.min(n, right.get(gram) ?? 0);
  return (2 * shared) / total;
}

/** 1 − Levenshtein distance / longer length, over code points. */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = Array.from(a);
  const y = Array.from(b);
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return 1 - (previous[y.length] ?? longer) / longer;
}

// Edit distance is quadratic; a runaway predicted title (a whole document) is compared by Dice alone.
const MAX_EDIT_LENGTH = 1000;

/** Title similarity: the better of bigram Dice and edit similarity, after normalising both. */
export function titleSimilarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  const dice = bigramDice(x, y);
  if (Math.max(x.length, y.length) > MAX_EDIT_LENGTH) return dice;
  return Math.max(dice, editSimilarity(x, y));
}

// A parenthetical inside a metric qualifies it (各类健康细胞(健康军营除外)示范点); it may or may not be kept.
const PARENTHETICAL = /\([^()]{0,40}\)/gu;

function containsOrDice(x: string, y: string): number {
  if (x.length === 0 || y.length === 0) return x === y ? 1 : 0;
  if (x.includes(y) || y.includes(x)) return 1;
  return bigramDice(x, y);
}

/**
 * Metric similarity: 1 when one normalised phrase contains the other (the "shortest phrase naming
 * what is measured" is a judgement call, so a longer or shorter but consistent phrase is not wrong),
 * else bigram Dice; parentheticals are tried both kept and dropped.
 */
export function metricSimilarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  const bare = (text: string): string => text.replace(PARENTHETICAL, '');
  return Math.max(containsOrDice(x, y), containsOrDice(bare(x), bare(y)));
}

/** Item numbers compare as printed, minus brackets, punctuation and width differences. */
export function normaliseNumber(number: string): string {
  return number.normalize('NFKC').replace(/[\s()（）[\]【】、.,．，:：]/gu, '');
}
