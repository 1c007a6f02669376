import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** Items (tasks and sections of a plan's tree) are changed by those who may edit plans; the plan itself is checked by `editablePlan`. */
export type ItemAction = 'edit';

const NEEDS: Readonly<Record<ItemAction, Action>> = { edit: 'plan.edit' };

export function canItem(actor: Actor, action: ItemAction): boolean {
  return permits(actor, NEEDS[action]);
}

/** The first line of the service method. */
export function authorizeItem(actor: Actor, action: ItemAction): void {
  authorize(actor, NEEDS[action]);
}
