import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** Items (tasks and sections of a plan's tree) are changed by those who may edit plans. */
export type ItemAction = 'edit';

export function canItem(actor: Actor, action: ItemAction): boolean {
  return action === 'edit' && permits(actor, 'plan.edit');
}

/** The first line of an item service method; the plan itself is checked by `editablePlan`. */
export function authorizeItem(actor: Actor, action: ItemAction): void {
  if (action === 'edit') authorize(actor, 'plan.edit');
}
