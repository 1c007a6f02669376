import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** A task's quantified targets are changed by those who may edit plans. */
export type TargetAction = 'edit';

export function canTarget(actor: Actor, action: TargetAction): boolean {
  return action === 'edit' && permits(actor, 'plan.edit');
}

export function authorizeTarget(actor: Actor, action: TargetAction): void {
  if (action === 'edit') authorize(actor, 'plan.edit');
}
