import type { TargetDto } from '../../api/endpoints.js';

/**
 * How far an actual value is towards its target, direction-aware, in percent (capped at 100 for the chart).
 * Higher-is-better: actual / target. Lower-is-better: target / actual (at or under the ceiling is 100).
 * Ranges count as met inside the range. Null when there is nothing to compare.
 */
export function attainment(
  target: Pick<TargetDto, 'op' | 'value' | 'lo' | 'hi' | 'direction'>,
  actual: number | null,
): number | null {
  if (actual === null) return null;
  if (target.op === 'range') {
    if (target.lo === null || target.hi === null) return null;
    if (actual >= target.lo && actual <= target.hi) return 100;
    const goal = actual < target.lo ? target.lo : target.hi;
    return ratio(target.direction, goal, actual);
  }
  if (target.value === null) return null;
  return ratio(target.direction, target.value, actual);
}

function ratio(direction: TargetDto['direction'], goal: number, actual: number): number {
  if (direction === 'lower') {
    if (actual <= goal) return 100;
    return actual === 0 ? 100 : round((goal / actual) * 100);
  }
  if (actual >= goal) return 100;
  if (goal === 0) return 100;
  return Math.max(0, round((actual / goal) * 100));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function isMet(
  target: Pick<TargetDto, 'op' | 'value' | 'lo' | 'hi' | 'direction'>,
  actual: number | null,
): boolean | null {
  const a = attainment(target, actual);
  return a === null ? null : a >= 100;
}

/** "≥ 95%", "18–20 /10万": the target as a planner writes it. */
export function targetText(target: Pick<TargetDto, 'op' | 'value' | 'lo' | 'hi' | 'unit'>): string {
  const unit = target.unit;
  if (target.op === 'range') return `${target.lo ?? '?'}–${target.hi ?? '?'}${unit}`;
  const sign = { '>=': '≥ ', '<=': '≤ ', '=': '', '~': '≈ ' }[target.op];
  return `${sign}${target.value ?? '?'}${unit}`;
}
