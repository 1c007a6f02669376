import type { AuditEntry } from '@yaodian/core';

/** An audit_log row as read (its tenant is the reader's own). */
interface AuditLogRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_display_name: string | null;
  actor_username: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields an audit entry shows: id, at, actorId, actorName, actorUsername, action, entity, entityId,
 * before, after (the tenant is the reader's own and is left out).
 */
export function presentAuditEntry(r: AuditLogRow): AuditEntry {
  return {
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
  };
}

/** A page of entries, newest first; `nextBefore` is the cursor of the next page when this one is full. */
export function presentAuditPage(rows: readonly AuditLogRow[], limit: number) {
  const last = rows.at(-1);
  return {
    nextBefore: rows.length === limit && last ? last.id : null,
    entries: rows.map(presentAuditEntry),
  };
}
