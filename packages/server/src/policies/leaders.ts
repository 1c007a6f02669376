import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/*
 * Owning leaders (包抓 / 分管) are set by the plan's editors and read with the plan; a leader's key
 * projects are that signed-in leader's own list (any task reader gets the list of tasks it owns, usually
 * empty); 批示 are written by commission leaders and read with the task.
 */
export type LeaderAction = 'read' | 'assign' | 'projects' | 'instruct' | 'instructions.read';

const NEEDS: Readonly<Record<LeaderAction, Action>> = {
  read: 'plan.read',
  assign: 'plan.edit',
  projects: 'task.read',
  instruct: 'instruction.write',
  'instructions.read': 'task.read',
};

export function authorizeLeaders(actor: Actor, action: LeaderAction): void {
  authorize(actor, NEEDS[action]);
}
