import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import type { JobRow } from '../db/schema.js';
import { findPlan, listPublishedPlanRefs } from '../repositories/plan-repository.js';
import { recomputePlan } from '../services/task-status-recompute.js';
import { insertJob, insertJobs } from './job-repository.js';
import type { JobHandler } from './job-runner.js';
import { nextDailyRun } from './schedule.js';

/** What time alone changes (a deadline passes, a period closes) is stored by this job, once a day per plan. */
export const DAILY_STATUS_JOB = 'task-status.daily';

/** One run per plan and China date: the key makes a second enqueue for that date a no-op. */
const dailyKey = (planId: string, runAt: Date): string => `${DAILY_STATUS_JOB}:${planId}:${localDate(runAt)}`;

/** Enqueues the plan's next daily recompute (00:05 China time after `now`), in the caller's transaction. */
export async function scheduleDailyStatus(
  trx: Executor,
  tenantId: string,
  planId: string,
  now: Date,
): Promise<void> {
  const runAt = nextDailyRun(now);
  await insertJob(
    trx,
    { tenantId, name: DAILY_STATUS_JOB, key: dailyKey(planId, runAt), payload: { planId }, runAt },
    now,
  );
}

const dailyStatus: JobHandler = async (trx: Executor, job: JobRow, now: Date) => {
  const planId = typeof job.payload.planId === 'string' ? job.payload.planId : '';
  const plan = await findPlan(trx, job.tenant_id, planId);
  // An archived plan's statuses stay as they were at archiving; its chain of daily jobs ends here.
  if (plan?.status !== 'published') return;
  await recomputePlan(trx, plan.tenant_id, plan.id, now);
  await scheduleDailyStatus(trx, plan.tenant_id, plan.id, now);
};

export const statusJobHandlers: Readonly<Record<string, JobHandler>> = { [DAILY_STATUS_JOB]: dailyStatus };

/**
 * At start-up: today's recompute for every published plan, due now, unless it ran already. It covers a
 * server that was down at 00:05, a restored backup (statuses are not in backups) and databases from before
 * the job runner.
 */
export async function ensureStatusJobs(db: Executor, now: Date): Promise<number> {
  const plans = await listPublishedPlanRefs(db);
  return insertJobs(
    db,
    plans.map((p) => ({
      tenantId: p.tenant_id,
      name: DAILY_STATUS_JOB,
      key: dailyKey(p.id, now),
      payload: { planId: p.id },
      runAt: now,
    })),
    now,
  );
}
