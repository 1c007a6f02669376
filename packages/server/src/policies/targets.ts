import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** A task's quantified targets are changed by those who may edit plans. */
export type TargetAction = 'edit';

const NEEDS: Readonly<Record<TargetAction, Action>> = { edit: 'plan.edit' };

export function canTarget(actor: Actor, action: TargetAction): boolean {
  return permits(actor, NEEDS[action]);
}

/** The first line of the service method. */
export function authorizeTarget(actor: Actor, action: TargetAction): void {
  authorize(actor, NEEDS[action]);
}
