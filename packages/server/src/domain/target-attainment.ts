/**
 * Target attainment: the one rule for whether a reported actual meets a target and how far it has come.
 * The attainment endpoint, the dashboard and the task status all read it from here; the web shows the result.
 *
 * - `>=` (at least) and `<=` (at most) are exact bounds: 95 meets "≥ 95", 94.9 does not.
 * - `=` and `~` (about) allow ATTAINMENT_TOLERANCE of the target value on the side the direction does not
 *   favour, and any amount on the side it favours: "≈ 80%" with higher-is-better is met from 76.
 * - `range` is met inside [lo, hi]; outside, it is measured against the nearer bound.
 * - Attainment in percent (capped at 100): higher-is-better actual / goal, lower-is-better goal / actual.
 */
export const ATTAINMENT_TOLERANCE = 0.05;

export interface AttainmentTarget {
  op: '>=' | '<=' | '=' | '~' | 'range';
  value: number | null;
  lo: number | null;
  hi: number | null;
  direction: 'higher' | 'lower';
}

/** The bound an actual has to reach, and from which side; null when the target has no value. */
function goalOf(target: AttainmentTarget, actual: number): { goal: number; lower: boolean } | null {
  switch (target.op) {
    case '>=':
      return target.value === null ? null : { goal: target.value, lower: false };
    case '<=':
      return target.value === null ? null : { goal: target.value, lower: true };
    case '=':
    case '~': {
      if (target.value === null) return null;
      const slack = Math.abs(target.value) * ATTAINMENT_TOLERANCE;
      return target.direction === 'lower'
        ? { goal: target.value + slack, lower: true }
        : { goal: target.value - slack, lower: false };
    }
    case 'range':
      if (target.lo === null || target.hi === null) return null;
      if (actual < target.lo) return { goal: target.lo, lower: false };
      return { goal: target.hi, lower: true };
  }
}

/** How far an actual is towards its target, 0–100 (one decimal); null without an actual or a target value. */
export function attainmentPercent(target: AttainmentTarget, actual: number | null): number | null {
  if (actual === null) return null;
  const bound = goalOf(target, actual);
  if (!bound) return null;
  const { goal, lower } = bound;
  if (lower ? actual <= goal : actual >= goal) return 100;
  const ratio = lower ? (actual === 0 ? 1 : goal / actual) : goal === 0 ? 1 : actual / goal;
  return Math.max(0, Math.min(100, Math.round(ratio * 1000) / 10));
}

/** Whether an actual meets the target as written (see the rules above). */
export function meets(target: AttainmentTarget, actual: number): boolean {
  return attainmentPercent(target, actual) === 100;
}

export interface CreditTarget extends AttainmentTarget {
  baseline: number | null;
}

/**
 * Credit for an actual, 0–1 (three decimals), as the annual assessment scores it: 1 when the target is met;
 * with a baseline on the far side of the goal, linear between the baseline (0) and the goal (1), in the
 * target's direction; otherwise the attainment percent / 100. Null without an actual or a target value.
 */
export function attainmentCredit(target: CreditTarget, actual: number | null): number | null {
  const percent = attainmentPercent(target, actual);
  if (percent === null || actual === null) return null;
  if (percent === 100) return 1;
  const bound = goalOf(target, actual);
  const baseline = target.baseline;
  if (bound && baseline !== null && (bound.lower ? baseline > bound.goal : baseline < bound.goal)) {
    const fraction = (actual - baseline) / (bound.goal - baseline);
    return Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 1000;
  }
  return percent / 100;
}
