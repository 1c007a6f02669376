import type { Executor } from '../db/database.js';

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

export async function appendAudit(db: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      list.map((e) => ({
        tenant_id: e.tenantId,
        actor_id: e.actorId,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        before: e.before === undefined ? null : JSON.stringify(e.before),
        after: e.after === undefined ? null : JSON.stringify(e.after),
        at: e.at,
      })),
    )
    .execute();
}

export function listAudit(
  db: Executor,
  tenantId: string,
  filter: { entity?: string; entityId?: string; limit: number },
) {
  let q = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}
