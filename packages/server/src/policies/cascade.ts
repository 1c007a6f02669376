import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/**
 * The city-to-county cascade (issue 10). `read`: everyone of the plan's work sees what was pushed down and how
 * it adds up (a county: what its parent asked); `manage`: the plan's editors push, split quotas, enter weights,
 * accept the city's changes and link their own tasks. Across commissions only along the tree: a city reaches
 * its direct children, a county its parent — the service resolves the other commission from the actor's own
 * tenant row and the link rows stored in the actor's tenant, never from an id the request names, so a sibling
 * or an outsider finds nothing (404).
 */
export type CascadeAction = 'read' | 'manage';

const NEEDS: Readonly<Record<CascadeAction, Action>> = { read: 'cascade.read', manage: 'cascade.manage' };

export function authorizeCascade(actor: Actor, action: CascadeAction): void {
  authorize(actor, NEEDS[action]);
}

/** Whether a commission named in a county's link row is the county's parent (a re-parented county stops seeing it). */
export function isParentOf(county: { parent_id: string | null }, cityTenant: string): boolean {
  return county.parent_id === cityTenant;
}
