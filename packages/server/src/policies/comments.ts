import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** Comments on a task or a report: read by whoever reads tasks, written by those permitted to comment. */
export type CommentAction = 'read' | 'write';

const NEEDS: Readonly<Record<CommentAction, Action>> = { read: 'task.read', write: 'comment.write' };

export function canComment(actor: Actor, action: CommentAction): boolean {
  return permits(actor, NEEDS[action]);
}

/** The first line of a comment service method; the thing commented on must also be visible. */
export function authorizeComment(actor: Actor, action: CommentAction): void {
  authorize(actor, NEEDS[action]);
}
