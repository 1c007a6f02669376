import type { PlanDetail } from '@yaodian/core';

type DemoTarget = PlanDetail['items'][number]['targets'][number];

/**
 * Figures a unit would report for its task's targets at a given progress: moving from a starting level
 * (the target's baseline, or a plausible one) towards the goal in proportion, so the demo's attainment
 * and trend charts show accepted values that agree with the reported progress.
 */
export function demoActuals(
  targets: readonly DemoTarget[],
  percent: number,
): { targetId: string; value: number; note: string }[] {
  return targets.flatMap((target) => {
    const goal = target.value ?? (target.direction === 'lower' ? target.lo : target.hi) ?? target.lo;
    if (goal === null) return [];
    const start =
      target.baseline ??
      (target.basis === 'change' ? 0 : target.direction === 'lower' ? goal * 1.5 : goal * 0.6);
    const raw = start + ((goal - start) * percent) / 100;
    const value =
      Number.isInteger(goal) && Math.abs(goal) >= 10 ? Math.round(raw) : Math.round(raw * 10) / 10;
    return [{ targetId: target.id, value, note: '' }];
  });
}
