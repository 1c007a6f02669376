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
