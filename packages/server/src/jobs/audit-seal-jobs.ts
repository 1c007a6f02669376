import type { Executor } from '../db/database.js';
import type { JobRow } from '../db/schema.js';
import type { AuditHashAlgorithm } from '../domain/audit-hash.js';
import { listTenantIds } from '../repositories/audit-chain-repository.js';
import { sealAuditChain } from '../services/audit-chain-service.js';
import { insertJob, insertJobs } from './job-repository.js';
import type { JobHandler } from './job-runner.js';

/** Seals a commission's new audit entries into its hash chain; each run enqueues the next. */
export const AUDIT_SEAL_JOB = 'audit.seal';

export const SEAL_BATCH = 1000;

/**
 * One job per commission and interval slot: the start-up enqueue and the chain of runs meet on the same keys,
 * so restarts never multiply the recurring job.
 */
const slotKey = (tenantId: string, at: Date, intervalMs: number): string =>
  `${AUDIT_SEAL_JOB}:${tenantId}:${String(Math.floor(at.getTime() / intervalMs))}`;

export function auditSealHandlers(options: {
  algorithm: AuditHashAlgorithm;
  intervalMs: number;
}): Readonly<Record<string, JobHandler>> {
  const seal: JobHandler = async (trx: Executor, job: JobRow, now: Date) => {
    // A backlog is sealed a batch per run; the next run comes at once until it is gone.
    const { sealed, lastSeq } = await sealAuditChain(trx, job.tenant_id, now, options.algorithm, SEAL_BATCH);
    const more = sealed >= SEAL_BATCH;
    const runAt = more ? now : new Date(now.getTime() + options.intervalMs);
    const key = more
      ? `${AUDIT_SEAL_JOB}:${job.tenant_id}:after:${String(lastSeq)}`
      : slotKey(job.tenant_id, runAt, options.intervalMs);
    await insertJob(trx, { tenantId: job.tenant_id, name: AUDIT_SEAL_JOB, key, payload: {}, runAt }, now);
  };
  return { [AUDIT_SEAL_JOB]: seal };
}

/** At start-up: a seal due now for every commission (unless this slot's run exists already). */
export async function ensureAuditSealJobs(db: Executor, now: Date, intervalMs: number): Promise<number> {
  const tenants = await listTenantIds(db);
  return insertJobs(
    db,
    tenants.map((tenantId) => ({
      tenantId,
      name: AUDIT_SEAL_JOB,
      key: slotKey(tenantId, now, intervalMs),
      payload: {},
      runAt: now,
    })),
    now,
  );
}
