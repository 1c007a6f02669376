import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AuditChainTable } from '../db/schema.js';

export interface AuditEntryRow {
  id: number;
  tenant_id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

export interface ChainRow {
  seq: number;
  entry_id: number;
  algorithm: AuditChainTable['algorithm'];
  entry_hash: string;
  chain_hash: string;
}

/** The audit entry's columns the chain hashes, as both reads select them. */
const ENTRY_COLUMNS = [
  'a.id',
  'a.tenant_id',
  'a.at',
  'a.actor_id',
  'a.action',
  'a.entity',
  'a.entity_id',
  'a.before',
  'a.after',
] as const;

/**
 * Takes the commission's chain for this transaction. NO KEY UPDATE on the tenant row: audited writes (whose
 * foreign keys take KEY SHARE on it) never wait for a seal; two sealers of one commission take turns.
 */
export async function lockChain(trx: Executor, tenantId: string): Promise<void> {
  await trx.selectFrom('tenants').select('id').where('id', '=', tenantId).forNoKeyUpdate().execute();
}

export async function lastChainRow(db: Executor, tenantId: string): Promise<ChainRow | undefined> {
  return db
    .selectFrom('audit_chain')
    .select(['seq', 'entry_id', 'algorithm', 'entry_hash', 'chain_hash'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Entries not yet in the chain, oldest id first. */
export async function unsealedEntries(
  db: Executor,
  tenantId: string,
  limit: number,
): Promise<AuditEntryRow[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('audit_chain as c', (join) =>
      join.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.entry_id', '=', 'a.id'),
    )
    .select(ENTRY_COLUMNS)
    .where('a.tenant_id', '=', tenantId)
    .where('c.seq', 'is', null)
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows;
}

export async function countUnsealed(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log as a')
    .leftJoin('audit_chain as c', (join) =>
      join.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.entry_id', '=', 'a.id'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('a.tenant_id', '=', tenantId)
    .where('c.seq', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertChainRows(
  db: Executor,
  tenantId: string,
  rows: readonly ChainRow[],
  sealedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('audit_chain')
    .values(rows.map((r) => ({ tenant_id: tenantId, sealed_at: sealedAt, ...r })))
    .execute();
}

/** A page of the chain from `afterSeq`, each link with the entry it seals (null when the entry is gone). */
export async function chainPage(
  db: Executor,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<(ChainRow & { entry: AuditEntryRow | null })[]> {
  const rows = await db
    .selectFrom('audit_chain as c')
    .leftJoin('audit_log as a', (join) =>
      join.onRef('a.tenant_id', '=', 'c.tenant_id').onRef('a.id', '=', 'c.entry_id'),
    )
    .select(['c.seq', 'c.entry_id', 'c.algorithm', 'c.entry_hash', 'c.chain_hash', ...ENTRY_COLUMNS])
    .where('c.tenant_id', '=', tenantId)
    .where('c.seq', '>', afterSeq)
    .orderBy('c.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    entry_id: r.entry_id,
    algorithm: r.algorithm,
    entry_hash: r.entry_hash,
    chain_hash: r.chain_hash,
    entry:
      r.id === null ||
      r.tenant_id === null ||
      r.at === null ||
      r.action === null ||
      r.entity === null ||
      r.entity_id === null
        ? null
        : {
            id: r.id,
            tenant_id: r.tenant_id,
            at: r.at,
            actor_id: r.actor_id,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            before: r.before,
            after: r.after,
          },
  }));
}

export async function listTenantIds(db: Executor): Promise<string[]> {
  return (await db.selectFrom('tenants').select('id').execute()).map((r) => r.id);
}

export async function listTenants(db: Executor, onlyId?: string): Promise<{ id: string; code: string }[]> {
  let q = db.selectFrom('tenants').select(['id', 'code']);
  if (onlyId) q = q.where('id', '=', onlyId);
  return q.orderBy('code').execute();
}

export interface AnchorRow {
  seq: number;
  algorithm: AuditChainTable['algorithm'];
  chain_hash: string;
}

/** The newest anchor a purge left, where verification and sealing continue from (none: the genesis). */
export async function latestAnchor(db: Executor, tenantId: string): Promise<AnchorRow | undefined> {
  return db
    .selectFrom('audit_anchors')
    .select(['seq', 'algorithm', 'chain_hash'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAnchor(
  db: Executor,
  anchor: AnchorRow & {
    tenant_id: string;
    purged_before: Date;
    entries: number;
    export_digest: string;
    created_at: Date;
  },
): Promise<void> {
  await db.insertInto('audit_anchors').values(anchor).execute();
}

/**
 * Removes the links up to `seq` and the entries they seal. The append-only triggers are switched off in this
 * transaction only (ALTER TABLE is transactional; nobody else sees them off) — which only the tables' owner
 * may do: the purge runs with DATABASE_OWNER_URL.
 */
export async function deleteSealedUpTo(trx: Executor, tenantId: string, seq: number): Promise<number> {
  await sql`alter table audit_log disable trigger user`.execute(trx);
  await sql`alter table audit_chain disable trigger user`.execute(trx);
  const removed = await trx
    .deleteFrom('audit_log')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('audit_chain')
        .select('entry_id')
        .where('tenant_id', '=', tenantId)
        .where('seq', '<=', seq),
    )
    .executeTakeFirst();
  await trx.deleteFrom('audit_chain').where('tenant_id', '=', tenantId).where('seq', '<=', seq).execute();
  await sql`alter table audit_chain enable trigger user`.execute(trx);
  await sql`alter table audit_log enable trigger user`.execute(trx);
  return Number(removed.numDeletedRows);
}
