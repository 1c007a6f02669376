import type { TargetDto } from '../api/endpoints.js';

/** "≥ 95%", "18–20 /10万": a target as a planner writes it (display only; whether it is met is the server's). */
export function targetText(target: Pick<TargetDto, 'op' | 'value' | 'lo' | 'hi' | 'unit'>): string {
  const unit = target.unit;
  if (target.op === 'range') return `${target.lo ?? '?'}–${target.hi ?? '?'}${unit}`;
  const sign = { '>=': '≥ ', '<=': '≤ ', '=': '', '~': '≈ ' }[target.op];
  return `${sign}${target.value ?? '?'}${unit}`;
}
