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
  await db.insertInto('audit_log').values(list.map(auditRow)).execute();
}

/** An entry as the row inserted (also by repositories that write an entry in the statement of its change). */
export function auditRow(e: AuditEntry) {
  return {
    tenant_id: e.tenantId,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    at: e.at,
  };
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  /** The acting user's user name. */
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Entries older than this id (the cursor of the next page). */
  before?: number | undefined;
  limit: number;
}

/** Newest first; `before` pages back through the whole log. Each entry carries its actor's current name. */
export function listAudit(db: Executor, tenantId: string, filter: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', (join) =>
      join.onRef('users.id', '=', 'audit_log.actor_id').onRef('users.tenant_id', '=', 'audit_log.tenant_id'),
    )
    .selectAll('audit_log')
    .select(['users.username as actor_username', 'users.display_name as actor_display_name'])
    .where('audit_log.tenant_id', '=', tenantId);
  if (filter.entity) q = q.where('audit_log.entity', '=', filter.entity);
  if (filter.entityId) q = q.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.action) q = q.where('audit_log.action', '=', filter.action);
  if (filter.actorId) q = q.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.actor) q = q.where('users.username', '=', filter.actor);
  if (filter.from) q = q.where('audit_log.at', '>=', filter.from);
  if (filter.to) q = q.where('audit_log.at', '<', filter.to);
  if (filter.before !== undefined) q = q.where('audit_log.id', '<', filter.before);
  return q.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
}
