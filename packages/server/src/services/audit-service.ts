import type { Actor } from '../policies/actor.js';
import { authorizeAudit } from '../policies/audit.js';
import { presentAuditPage } from '../presenters/audit-presenter.js';
import { appendAudit, listAudit, type AuditFilter } from '../repositories/audit-repository.js';
import type { Deps } from './deps.js';

export async function readAudit(deps: Deps, actor: Actor, filter: AuditFilter) {
  authorizeAudit(actor, 'read');
  const rows = await listAudit(deps.db, actor.tenantId, filter);
  // Reading the audit log is itself audited (等保: 审计记录的访问).
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'audit.read',
    entity: 'audit_log',
    entityId: actor.tenantId,
    after: {
      ...filter,
      from: filter.from?.toISOString(),
      to: filter.to?.toISOString(),
      returned: rows.length,
    },
    at: deps.clock.now(),
  });
  return presentAuditPage(rows, filter.limit);
}

/**
 * A security event with no change of data behind it (a permission denial, a CSRF failure), audited for the
 * signed-in actor. The route, never the body, is recorded.
 */
export async function recordSecurityEvent(
  deps: Deps,
  actor: Actor,
  action: 'access.denied' | 'csrf.failure',
  detail: { method: string; route: string; ip: string },
): Promise<void> {
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action,
    entity: 'request',
    entityId: `${detail.method} ${detail.route}`,
    after: detail,
    at: deps.clock.now(),
  });
}
