import { createHash, getHashes } from 'node:crypto';

export type AuditHashAlgorithm = 'sha256' | 'sm3';

/** SM3 (GB/T 32905, 商用密码) where Node's OpenSSL offers it. */
export const SM3_AVAILABLE = getHashes().includes('sm3');

/** The chain's first link hangs off this. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so equal content always hashes equally (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function digest(algorithm: AuditHashAlgorithm, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}

export interface HashedEntry {
  tenant_id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

/**
 * An entry's hash covers what it says, not its id (a restore renumbers ids, keeping their order).
 * `before`/`after` are hashed as the database returns them.
 */
export function entryHash(algorithm: AuditHashAlgorithm, entry: HashedEntry): string {
  return digest(
    algorithm,
    canonicalJson({
      tenantId: entry.tenant_id,
      at: entry.at.toISOString(),
      actorId: entry.actor_id,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entity_id,
      before: entry.before,
      after: entry.after,
    }),
  );
}

export function chainHash(
  algorithm: AuditHashAlgorithm,
  previous: string,
  seq: number,
  entry: string,
): string {
  return digest(algorithm, `${previous}\n${String(seq)}\n${entry}`);
}
