import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/*
 * Year over year. Whoever reads the plan reads its links (drafts only reach plan editors, as the plan
 * itself: plan-loader's visiblePlan); the planning office (plan editors) proposes, decides and carries
 * tasks forward; a target's history is read as the task is.
 */
export type YearLinkAction = 'read' | 'edit' | 'history';

const NEEDS: Readonly<Record<YearLinkAction, Action>> = {
  read: 'plan.read',
  edit: 'plan.edit',
  history: 'task.read',
};

/** The first line of a year-link service method. */
export function authorizeYearLinks(actor: Actor, action: YearLinkAction): void {
  authorize(actor, NEEDS[action]);
}
