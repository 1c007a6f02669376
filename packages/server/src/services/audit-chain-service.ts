import type { Executor } from '../db/database.js';
import { chainHash, entryHash, GENESIS, type AuditHashAlgorithm } from '../domain/audit-hash.js';
import type { Actor } from '../policies/actor.js';
import { authorizeAudit } from '../policies/audit.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  chainPage,
  countUnsealed,
  insertChainRows,
  lastChainRow,
  latestAnchor,
  listTenants,
  lockChain,
  unsealedEntries,
  type ChainRow,
} from '../repositories/audit-chain-repository.js';
import type { Deps } from './deps.js';

/**
 * Appends the commission's unsealed entries (oldest id first, at most `batch`) to its hash chain, in the
 * caller's transaction (the seal job's). Returns how many were sealed and the chain's length after.
 */
export async function sealAuditChain(
  trx: Executor,
  tenantId: string,
  now: Date,
  algorithm: AuditHashAlgorithm,
  batch = 1000,
): Promise<{ sealed: number; lastSeq: number }> {
  await lockChain(trx, tenantId);
  // After a purge that removed every link, the chain goes on from its anchor.
  const last = (await lastChainRow(trx, tenantId)) ?? (await latestAnchor(trx, tenantId));
  const entries = await unsealedEntries(trx, tenantId, batch);
  let previous = last?.chain_hash ?? GENESIS;
  let seq = last?.seq ?? 0;
  const rows: ChainRow[] = entries.map((entry) => {
    seq += 1;
    const hashOfEntry = entryHash(algorithm, entry);
    previous = chainHash(algorithm, previous, seq, hashOfEntry);
    return { seq, entry_id: entry.id, algorithm, entry_hash: hashOfEntry, chain_hash: previous };
  });
  await insertChainRows(trx, tenantId, rows, now);
  return { sealed: rows.length, lastSeq: seq };
}

export interface BrokenLink {
  seq: number;
  entryId: number;
  reason: 'entry_missing' | 'entry_changed' | 'chain_broken';
}

export interface ChainVerification {
  ok: boolean;
  /** Links checked, from the first (or the anchor a purge left) up to the last sealed entry or the first broken one. */
  checked: number;
  /** The position the check started after: 0, or the newest anchor a purge left. */
  anchorSeq: number;
  lastSealedSeq: number;
  unsealed: number;
  algorithms: AuditHashAlgorithm[];
  firstBroken: BrokenLink | null;
}

/** Walks the commission's chain from the first link and reports the first that does not hold. */
export async function verifyChain(db: Executor, tenantId: string): Promise<ChainVerification> {
  const page = 1000;
  const anchor = await latestAnchor(db, tenantId);
  const anchorSeq = anchor?.seq ?? 0;
  let previous = anchor?.chain_hash ?? GENESIS;
  let expectedSeq = anchorSeq + 1;
  let checked = 0;
  const algorithms = new Set<AuditHashAlgorithm>();
  for (;;) {
    const links = await chainPage(db, tenantId, expectedSeq - 1, page);
    for (const link of links) {
      algorithms.add(link.algorithm);
      const broken = (reason: BrokenLink['reason']): BrokenLink => ({
        seq: link.seq,
        entryId: link.entry_id,
        reason,
      });
      let problem: BrokenLink | null = null;
      if (link.seq !== expectedSeq) problem = broken('chain_broken');
      else if (!link.entry) problem = broken('entry_missing');
      else if (entryHash(link.algorithm, link.entry) !== link.entry_hash) problem = broken('entry_changed');
      else if (chainHash(link.algorithm, previous, link.seq, link.entry_hash) !== link.chain_hash)
        problem = broken('chain_broken');
      if (problem) {
        return {
          ok: false,
          checked,
          anchorSeq,
          lastSealedSeq: (await lastChainRow(db, tenantId))?.seq ?? 0,
          unsealed: await countUnsealed(db, tenantId),
          algorithms: [...algorithms],
          firstBroken: problem,
        };
      }
      previous = link.chain_hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (links.length < page) break;
  }
  return {
    ok: true,
    checked,
    anchorSeq,
    lastSealedSeq: anchorSeq + checked,
    unsealed: await countUnsealed(db, tenantId),
    algorithms: [...algorithms],
    firstBroken: null,
  };
}

/** `GET /api/audit/verify`: the audit administrator checks the commission's chain (and that is audited). */
export async function verifyAuditLog(deps: Deps, actor: Actor): Promise<ChainVerification> {
  authorizeAudit(actor, 'verify');
  const result = await verifyChain(deps.db, actor.tenantId);
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'audit.verify',
    entity: 'audit_log',
    entityId: actor.tenantId,
    after: { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken },
    at: deps.clock.now(),
  });
  return result;
}

/** Every commission's chain (or one's), for the `yaodian audit verify` command. */
export async function verifyAuditChains(
  db: Executor,
  tenantId?: string,
): Promise<(ChainVerification & { code: string })[]> {
  const tenants = await listTenants(db, tenantId);
  const results: (ChainVerification & { code: string })[] = [];
  for (const tenant of tenants) results.push({ ...(await verifyChain(db, tenant.id)), code: tenant.code });
  return results;
}
