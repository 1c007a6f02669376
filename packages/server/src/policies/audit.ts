import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** The commission's audit log and its hash chain: read and verified by whoever holds `audit.read`. */
export type AuditAction = 'read' | 'verify';

export function canAudit(actor: Actor, action: AuditAction): boolean {
  return (action === 'read' || action === 'verify') && permits(actor, 'audit.read');
}

export function authorizeAudit(actor: Actor, action: AuditAction): void {
  if (action === 'read' || action === 'verify') authorize(actor, 'audit.read');
}
