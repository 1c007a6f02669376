import type { Action, ReportState } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { authorize, inTenant, permits } from './authorize.js';
import { ERRORS } from '../messaging/error-messages.js';

/** Progress reports and their attachments. */
export type ReportAction = 'read' | 'write' | 'review';

const NEEDS: Readonly<Record<ReportAction, Action>> = {
  read: 'report.read',
  write: 'report.write',
  review: 'report.review',
};

interface ReportScope {
  tenant_id: string;
  unit_id: string;
  state: ReportState;
}

/** Whether the actor reports for the unit (unit scope, on top of the permission). */
export function actsForUnit(actor: Actor, unitId: string): boolean {
  return actor.unitIds.includes(unitId);
}

/** Drafts are private to their unit until submitted (reviewers see them too). */
export function canSeeReport(actor: Actor, report: ReportScope): boolean {
  return (
    inTenant(actor, report) &&
    permits(actor, NEEDS.read) &&
    (report.state !== 'draft' || actsForUnit(actor, report.unit_id) || permits(actor, NEEDS.review))
  );
}

/** `action` on reports at all or, given one, on that report (writing only for the actor's own units). */
export function canReport(actor: Actor, action: ReportAction, report?: ReportScope): boolean {
  if (!permits(actor, NEEDS[action])) return false;
  if (!report) return true;
  if (action === 'write') return inTenant(actor, report) && actsForUnit(actor, report.unit_id);
  return canSeeReport(actor, report);
}

/** The first line of a report service method; with `unitId`, the actor must also report for that unit. */
export function authorizeReport(actor: Actor, action: ReportAction, unitId?: string): void {
  authorize(actor, NEEDS[action]);
  if (unitId !== undefined) authorizeForUnit(actor, unitId);
}

/** A report is written only by its own unit. */
export function authorizeForUnit(actor: Actor, unitId: string): void {
  if (!actsForUnit(actor, unitId)) throw new AppError('forbidden', ERRORS.report.notYourUnit);
}
