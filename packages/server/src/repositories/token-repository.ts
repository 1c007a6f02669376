import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ApiTokenRow, ApiTokenTable } from '../db/schema.js';
import { auditRow, type AuditEntry } from './audit-repository.js';

export function listTokens(db: Executor, tenantId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export function findToken(db: Executor, tenantId: string, tokenId: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', tokenId)
    .executeTakeFirst();
}

export function insertToken(db: Executor, row: Insertable<ApiTokenTable>): Promise<ApiTokenRow> {
  return db.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Revokes a live token; undefined when it was already revoked (or is gone). */
export function revokeToken(
  db: Executor,
  tenantId: string,
  tokenId: string,
  by: string,
  at: Date,
): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at, revoked_by: by })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Records a use: the last-used time and its audit entry, in one statement. */
export async function recordTokenUse(
  db: Executor,
  tenantId: string,
  tokenId: string,
  entry: AuditEntry,
): Promise<void> {
  await db
    .with('audit', (qb) => qb.insertInto('audit_log').values(auditRow(entry)))
    .updateTable('api_tokens')
    .set({ last_used_at: entry.at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', tokenId)
    .execute();
}
