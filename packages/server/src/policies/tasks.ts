import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** Tasks with their status, summary and attainment: read-only views of visible plans. */
export type TaskAction = 'read';

export function canTask(actor: Actor, action: TaskAction): boolean {
  return action === 'read' && permits(actor, 'task.read');
}

export function authorizeTask(actor: Actor, action: TaskAction): void {
  if (action === 'read') authorize(actor, 'task.read');
}
