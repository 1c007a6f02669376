import type { Action } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { authorize } from './authorize.js';
import { actsForUnit } from './reports.js';
import { ERRORS } from '../messaging/error-messages.js';

/*
 * Milestones. Whoever reads tasks reads them; the planning office (plan editors) sets a task's list and
 * planned dates; the lead unit's reporter records an actual date (report.write, for a unit that reports on
 * the task, as a report is written), and it counts once a reviewer (report.review) confirms it, as a
 * report's figures count once accepted. A reviewer may also record the date directly, confirmed at once.
 */
export type MilestoneAction = 'read' | 'edit' | 'record' | 'confirm';

const NEEDS: Readonly<Record<MilestoneAction, Action>> = {
  read: 'task.read',
  edit: 'plan.edit',
  record: 'report.write',
  confirm: 'report.review',
};

/** The first line of a milestone service method. */
export function authorizeMilestones(actor: Actor, action: MilestoneAction): void {
  authorize(actor, NEEDS[action]);
}

/** A milestone's actual date is recorded by a unit that reports on its task (its lead unit). */
export function authorizeMilestoneUnit(actor: Actor, reportingUnitIds: readonly string[]): void {
  if (!reportingUnitIds.some((unitId) => actsForUnit(actor, unitId)))
    throw new AppError('forbidden', ERRORS.milestone.leadOnly);
}
