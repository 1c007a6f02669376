import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import {
  canonicalJson,
  chainHash,
  entryHash,
  GENESIS,
  type AuditHashAlgorithm,
} from '../domain/audit-hash.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  chainPage,
  deleteSealedUpTo,
  insertAnchor,
  latestAnchor,
  listTenants,
  lockChain,
} from '../repositories/audit-chain-repository.js';

/*
 * Audit retention (等保2.0 安全审计: 审计记录保存不少于六个月): `yaodian audit purge --before DATE --out FILE`
 * removes sealed entries older than DATE, never younger than the retention period. It first writes every
 * entry it will remove, with its link hashes, to a file anyone can check (`verifyAuditExport`); then, in one
 * transaction, it keeps an anchor (the last removed link's position and chain hash) and deletes the entries
 * and their links. `verifyChain` continues from the anchor, so the rest of the chain is still checked.
 */
export const AUDIT_EXPORT_FORMAT = 'yaodian.audit-export/v1';

export interface ExportedLink {
  seq: number;
  algorithm: AuditHashAlgorithm;
  entryHash: string;
  chainHash: string;
  entry: {
    tenantId: string;
    at: string;
    actorId: string | null;
    action: string;
    entity: string;
    entityId: string;
    before: unknown;
    after: unknown;
  };
}

export interface ExportedCommission {
  tenantId: string;
  code: string;
  /** Where these links hang off: the previous anchor (or the genesis, seq 0). */
  from: { seq: number; chainHash: string };
  /** The last link exported: the anchor the purge keeps. */
  to: { seq: number; chainHash: string };
  links: ExportedLink[];
}

export interface AuditExport {
  format: typeof AUDIT_EXPORT_FORMAT;
  createdAt: string;
  before: string;
  commissions: ExportedCommission[];
}

export class RetentionError extends Error {
  override readonly name = 'RetentionError';
}

const DAY_MS = 86_400_000;

/** The entries a purge would remove: each commission's sealed links, oldest first, while older than `before`. */
async function collect(db: Db, before: Date, tenantId?: string): Promise<ExportedCommission[]> {
  const out: ExportedCommission[] = [];
  for (const tenant of await listTenants(db, tenantId)) {
    const anchor = await latestAnchor(db, tenant.id);
    const from = { seq: anchor?.seq ?? 0, chainHash: anchor?.chain_hash ?? GENESIS };
    const links: ExportedLink[] = [];
    let after = from.seq;
    let done = false;
    while (!done) {
      const page = await chainPage(db, tenant.id, after, 1000);
      for (const link of page) {
        if (!link.entry || link.entry.at >= before) {
          done = true;
          break;
        }
        links.push({
          seq: link.seq,
          algorithm: link.algorithm,
          entryHash: link.entry_hash,
          chainHash: link.chain_hash,
          entry: {
            tenantId: link.entry.tenant_id,
            at: link.entry.at.toISOString(),
            actorId: link.entry.actor_id,
            action: link.entry.action,
            entity: link.entry.entity,
            entityId: link.entry.entity_id,
            before: link.entry.before,
            after: link.entry.after,
          },
        });
        after = link.seq;
      }
      if (page.length < 1000) done = true;
    }
    const last = links.at(-1);
    if (last)
      out.push({
        tenantId: tenant.id,
        code: tenant.code,
        from,
        to: { seq: last.seq, chainHash: last.chainHash },
        links,
      });
  }
  return out;
}

/** Checks an export on its own: every entry's hash and every link from `from` to `to`. Problems, or none. */
export function verifyAuditExport(file: AuditExport): string[] {
  const problems: string[] = [];
  // A file read from disk may be anything: its format is checked, whatever the type says.
  if ((file.format as string) !== AUDIT_EXPORT_FORMAT) return [`unknown format ${file.format as string}`];
  for (const c of file.commissions) {
    let previous = c.from.chainHash;
    let seq = c.from.seq;
    for (const link of c.links) {
      seq += 1;
      const e = link.entry;
      const hashed = entryHash(link.algorithm, {
        tenant_id: e.tenantId,
        at: new Date(e.at),
        actor_id: e.actorId,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        before: e.before,
        after: e.after,
      });
      if (link.seq !== seq || hashed !== link.entryHash) {
        problems.push(`${c.code}: link ${String(link.seq)} does not match its entry`);
        break;
      }
      previous = chainHash(link.algorithm, previous, link.seq, hashed);
      if (previous !== link.chainHash) {
        problems.push(`${c.code}: link ${String(link.seq)} breaks the chain`);
        break;
      }
    }
    if (problems.length === 0 && (previous !== c.to.chainHash || seq !== c.to.seq))
      problems.push(`${c.code}: the links do not end at the anchor`);
  }
  return problems;
}

export const exportDigest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface PurgeResult {
  /** The export's text (write it before calling `applyPurge`) and its SHA-256. */
  text: string;
  digest: string;
  export: AuditExport;
}

/**
 * Step 1: what would be purged, as the export file's text. Refuses a cut-off inside the retention period.
 */
export async function preparePurge(
  db: Db,
  options: { before: Date; now: Date; retentionDays: number; tenantId?: string },
): Promise<PurgeResult> {
  const limit = new Date(options.now.getTime() - options.retentionDays * DAY_MS);
  if (options.before > limit)
    throw new RetentionError(
      `审计记录至少保留 ${String(options.retentionDays)} 天：--before 不能晚于 ${limit.toISOString().slice(0, 10)}`,
    );
  const file: AuditExport = {
    format: AUDIT_EXPORT_FORMAT,
    createdAt: options.now.toISOString(),
    before: options.before.toISOString(),
    commissions: await collect(db, options.before, options.tenantId),
  };
  const text = `${canonicalJson(file)}\n`;
  return { text, digest: exportDigest(text), export: file };
}

/**
 * Step 2, after the export is safely written: per commission, one transaction keeps the anchor, deletes the
 * exported links and entries (only if the chain has not moved under them) and records the purge in the log.
 */
export async function applyPurge(
  db: Db,
  prepared: PurgeResult,
  now: Date,
): Promise<{ code: string; entries: number }[]> {
  const done: { code: string; entries: number }[] = [];
  for (const c of prepared.export.commissions) {
    const entries = await db.transaction().execute(async (trx) => {
      await lockChain(trx, c.tenantId);
      const anchor = await latestAnchor(trx, c.tenantId);
      if ((anchor?.seq ?? 0) !== c.from.seq)
        throw new RetentionError(`${c.code}: purged meanwhile; run again`);
      const last = c.links.at(-1);
      if (!last) return 0;
      await insertAnchor(trx, {
        tenant_id: c.tenantId,
        seq: c.to.seq,
        algorithm: last.algorithm,
        chain_hash: c.to.chainHash,
        purged_before: new Date(prepared.export.before),
        entries: c.links.length,
        export_digest: prepared.digest,
        created_at: now,
      });
      const removed = await deleteSealedUpTo(trx, c.tenantId, c.to.seq);
      await appendAudit(trx, {
        tenantId: c.tenantId,
        actorId: null,
        action: 'audit.purge',
        entity: 'audit_log',
        entityId: c.tenantId,
        after: {
          before: prepared.export.before,
          entries: removed,
          anchorSeq: c.to.seq,
          anchorHash: c.to.chainHash,
          exportDigest: prepared.digest,
        },
        at: now,
      });
      return removed;
    });
    done.push({ code: c.code, entries });
  }
  return done;
}
