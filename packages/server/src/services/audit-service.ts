import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { appendAudit, listAudit, type AuditFilter } from '../repositories/audit-repository.js';
import type { Deps } from './deps.js';

export async function readAudit(deps: Deps, actor: Actor, filter: AuditFilter) {
  authorize(actor, 'audit.read');
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
  const last = rows.at(-1);
  return {
    nextBefore: rows.length === filter.limit && last ? last.id : null,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_display_name,
      actorUsername: r.actor_username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    })),
  };
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
