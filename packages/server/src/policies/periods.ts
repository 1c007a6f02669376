import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** A plan's reporting periods: read with the plan, generated and re-dated by those who edit plans. */
export type PeriodAction = 'read' | 'edit';

const NEEDS: Readonly<Record<PeriodAction, Action>> = { read: 'plan.read', edit: 'plan.edit' };

export function canPeriod(actor: Actor, action: PeriodAction): boolean {
  return permits(actor, NEEDS[action]);
}

export function authorizePeriod(actor: Actor, action: PeriodAction): void {
  authorize(actor, NEEDS[action]);
}
