/** True positives, false positives, false negatives of one measure. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/**
 * Precision is 1 when nothing was predicted and recall is 1 when nothing was expected (vacuously
 * right); F1 then follows, so predicting nothing against gold gives P 1, R 0, F1 0.
 */
export function prf(counts: Counts): Prf {
  const predicted = counts.tp + counts.fp;
  const expected = counts.tp + counts.fn;
  const precision = predicted === 0 ? 1 : counts.tp / predicted;
  const recall = expected === 0 ? 1 : counts.tp / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Nothing expected and nothing predicted: the measure says nothing about this document. */
export function isVacuous(counts: Counts): boolean {
  return counts.tp + counts.fp + counts.fn === 0;
}
