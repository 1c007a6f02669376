import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** The commission's audit log and its hash chain: read and verified by whoever may read the audit log. */
export type AuditAction = 'read' | 'verify';

const NEEDS: Readonly<Record<AuditAction, Action>> = { read: 'audit.read', verify: 'audit.read' };

export function canAudit(actor: Actor, action: AuditAction): boolean {
  return permits(actor, NEEDS[action]);
}

/** The first line of the service method. */
export function authorizeAudit(actor: Actor, action: AuditAction): void {
  authorize(actor, NEEDS[action]);
}
