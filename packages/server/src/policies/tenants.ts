import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/**
 * The commission tree (issue 10). `read`: the platform operator reads its commission and every one below it,
 * a commission's system administrator its direct children (to link a county bureau unit to one); `manage`:
 * the operator creates and disables commissions below its own — never its own, never outside its tree.
 */
export type TenantAction = 'read' | 'manage';

const NEEDS: Readonly<Record<TenantAction, Action>> = { read: 'tenant.read', manage: 'tenant.manage' };

export function canTenant(actor: Actor, action: TenantAction): boolean {
  return permits(actor, NEEDS[action]);
}

export function authorizeTenant(actor: Actor, action: TenantAction): void {
  authorize(actor, NEEDS[action]);
}

/** Whether the actor reads the whole tree below its commission (the operator) or only its direct children. */
export function readsSubtree(actor: Actor): boolean {
  return permits(actor, 'tenant.manage');
}

/** A commission the operator may change: inside its tree (`treeIds`) and not its own. */
export function mayManageTenant(actor: Actor, treeIds: ReadonlySet<string>, tenantId: string): boolean {
  return tenantId !== actor.tenantId && treeIds.has(tenantId);
}
