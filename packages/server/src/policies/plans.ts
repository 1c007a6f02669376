import type { Action, PlanStatus } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, inTenant, permits } from './authorize.js';

/** What may be done to a plan: its header, tree, source, summary, unmatched names, exports and 通报. */
export type PlanAction = 'read' | 'import' | 'edit' | 'publish' | 'export' | 'bulletin';

const NEEDS: Readonly<Record<PlanAction, Action>> = {
  read: 'plan.read',
  import: 'plan.import',
  edit: 'plan.edit',
  publish: 'plan.publish',
  export: 'plan.export',
  bulletin: 'plan.bulletin',
};

export interface PlanScope {
  tenant_id: string;
  status: PlanStatus;
}

/** Drafts are seen only by those who may edit plans; published and archived plans by every reader. */
export function canSeePlan(actor: Actor, plan: PlanScope): boolean {
  return inTenant(actor, plan) && (plan.status !== 'draft' || permits(actor, NEEDS.edit));
}

/** `action` on plans at all, or on this plan (which must then be visible to the actor). */
export function canPlan(actor: Actor, action: PlanAction, plan?: PlanScope): boolean {
  return permits(actor, NEEDS[action]) && (plan === undefined || canSeePlan(actor, plan));
}

/** The first line of a plan service method. */
export function authorizePlan(actor: Actor, action: PlanAction): void {
  authorize(actor, NEEDS[action]);
}

/** The statuses of the plans the actor's list shows (`undefined`: all of them). */
export function visiblePlanStatuses(actor: Actor): PlanStatus[] | undefined {
  return permits(actor, NEEDS.edit) ? undefined : ['published', 'archived'];
}
