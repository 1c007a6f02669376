import type { LabelItem, LabelTarget } from './label.js';
import type { ScoredItem, ScoredTarget } from './read-plan.js';
import { metricSimilarity, normalise, normaliseNumber, titleSimilarity } from './similarity.js';

export const TITLE_THRESHOLD = 0.8;
export const METRIC_THRESHOLD = 0.6;

/**
 * Pairs gold items with predicted items one-to-one, greedily in gold document order. A pair needs the
 * same number (as printed, level ignored) and titles at least `TITLE_THRESHOLD` similar. Among
 * candidates the most similar wins, preferring ones after the previous match so that order is kept.
 * Returns, for each gold item, the index of its predicted item or null.
 */
export function matchItems(gold: readonly LabelItem[], predicted: readonly ScoredItem[]): (number | null)[] {
  const taken = new Set<number>();
  const predictedNumbers = predicted.map((item) => normaliseNumber(item.number));
  let last = -1;
  return gold.map((goldItem) => {
    const number = normaliseNumber(goldItem.number);
    let best: { index: number; similarity: number; ahead: boolean } | null = null;
    for (const [index, item] of predicted.entries()) {
      if (taken.has(index) || predictedNumbers[index] !== number) continue;
      const similarity = titleSimilarity(goldItem.title, item.title);
      if (similarity < TITLE_THRESHOLD) continue;
      const ahead = index > last;
      const better =
        best === null || (ahead && !best.ahead) || (ahead === best.ahead && similarity > best.similarity);
      if (better) best = { index, similarity, ahead };
    }
    if (best === null) return null;
    const { index } = best;
    taken.add(index);
    last = index;
    return index;
  });
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function sameValue(
  gold: number | [number, number],
  predicted: number | [number, number] | null,
): boolean {
  if (predicted === null) return false;
  if (typeof gold === 'number' || typeof predicted === 'number') {
    return typeof gold === 'number' && typeof predicted === 'number' && sameNumber(gold, predicted);
  }
  return sameNumber(gold[0], predicted[0]) && sameNumber(gold[1], predicted[1]);
}

export type TargetMode = 'lenient' | 'strict' | 'placed';

/** Whether a predicted target sits where the gold one does: the matched item, or both top-level. */
function samePlace(
  gold: LabelTarget,
  predicted: ScoredTarget,
  itemMatch: readonly (number | null)[],
): boolean {
  if (gold.item === null) return predicted.item === null;
  const matched = itemMatch[gold.item];
  return matched !== null && matched !== undefined && matched === predicted.item;
}

/**
 * lenient: value and unit equal (item attachment ignored).
 * strict: lenient plus the same op and metrics at least `METRIC_THRESHOLD` similar.
 * placed: lenient plus attached to the matched item (or both top-level).
 */
export function targetsAgree(
  mode: TargetMode,
  gold: LabelTarget,
  predicted: ScoredTarget,
  itemMatch: readonly (number | null)[],
): boolean {
  if (!sameValue(gold.value, predicted.value) || normalise(gold.unit) !== normalise(predicted.unit))
    return false;
  if (mode === 'strict') {
    return gold.op === predicted.op && metricSimilarity(gold.metric, predicted.metric) >= METRIC_THRESHOLD;
  }
  if (mode === 'placed') return samePlace(gold, predicted, itemMatch);
  return true;
}

/**
 * Pairs gold and predicted targets one-to-one, greedily in gold order. Among agreeing candidates it
 * prefers one in the same place, then the first after the previous match, then the first at all —
 * so a value repeated in the goals list and again in a task pairs with the right occurrence.
 */
export function matchTargets(
  mode: TargetMode,
  gold: readonly LabelTarget[],
  predicted: readonly ScoredTarget[],
  itemMatch: readonly (number | null)[],
): (number | null)[] {
  const taken = new Set<number>();
  let last = -1;
  return gold.map((goldTarget) => {
    let best: { index: number; rank: number } | null = null;
    for (const [index, target] of predicted.entries()) {
      if (taken.has(index) || !targetsAgree(mode, goldTarget, target, itemMatch)) continue;
      const rank = (samePlace(goldTarget, target, itemMatch) ? 0 : 2) + (index > last ? 0 : 1);
      if (best === null || rank < best.rank) best = { index, rank };
    }
    if (best === null) return null;
    const { index } = best;
    taken.add(index);
    last = index;
    return index;
  });
}
