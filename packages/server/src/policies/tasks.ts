import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** Tasks with their status, summary and attainment: read-only views of visible plans. */
export type TaskAction = 'read';

const NEEDS: Readonly<Record<TaskAction, Action>> = { read: 'task.read' };

export function canTask(actor: Actor, action: TaskAction): boolean {
  return permits(actor, NEEDS[action]);
}

/** The first line of the service method. */
export function authorizeTask(actor: Actor, action: TaskAction): void {
  authorize(actor, NEEDS[action]);
}
