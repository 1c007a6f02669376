import type { ApiTokenDto, TokenScope } from '@yaodian/core';
import type { ApiTokenRow } from '../db/schema.js';

/** A token as listed: never its secret or hash. */
export function presentToken(row: ApiTokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as TokenScope[],
    unitId: row.unit_id,
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    prefix: row.prefix,
  };
}
