import type { Action } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';
import { ERRORS } from '../messaging/error-messages.js';

/*
 * 督办 notices. Everyone in the plan's work reads them, except that whoever answers notices for units (the
 * reporters) sees only those of its own units; the planning office issues, closes and escalates; a unit's
 * own reporter signs and responds. A plan's rules are read with the plan and set by its editors.
 */
export type SupervisionAction = 'read' | 'issue' | 'respond' | 'rules.read' | 'rules.edit';

const NEEDS: Readonly<Record<SupervisionAction, Action>> = {
  read: 'supervision.read',
  issue: 'supervision.issue',
  respond: 'supervision.respond',
  'rules.read': 'plan.read',
  'rules.edit': 'plan.edit',
};

export function authorizeSupervision(actor: Actor, action: SupervisionAction): void {
  authorize(actor, NEEDS[action]);
}

/** The units whose notices the actor may see; null: all of the commission's. */
export function supervisionScope(actor: Actor): readonly string[] | null {
  return permits(actor, NEEDS.respond) && !permits(actor, NEEDS.issue) ? actor.unitIds : null;
}

export function canSeeNotice(actor: Actor, noticeUnitIds: readonly string[]): boolean {
  const scope = supervisionScope(actor);
  return scope === null || noticeUnitIds.some((u) => scope.includes(u));
}

/** Signing and responding: only for a notice naming one of the actor's units. */
export function authorizeAnswer(actor: Actor, noticeUnitIds: readonly string[]): void {
  authorize(actor, NEEDS.respond);
  if (!noticeUnitIds.some((u) => actor.unitIds.includes(u)))
    throw new AppError('forbidden', ERRORS.supervision.notAddressed);
}

/**
 * The 督办单 document is the commission's official paper: the planning office prints it, the units it names
 * print their copy, and the leaders who own its tasks or 分管 its units read it. Other roles (a viewer, a
 * leader who owns none of it) see the notice on the page but do not take the document away.
 */
export function authorizeNoticeDocument(
  actor: Actor,
  notice: { unitIds: readonly string[]; leaderIds: readonly string[] },
): void {
  authorize(actor, NEEDS.read);
  if (permits(actor, NEEDS.issue)) return;
  if (permits(actor, NEEDS.respond) && notice.unitIds.some((u) => actor.unitIds.includes(u))) return;
  if (notice.leaderIds.includes(actor.userId)) return;
  throw new AppError('forbidden', ERRORS.supervision.documentAudience);
}
