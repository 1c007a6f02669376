import type { Transaction } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Deps } from './deps.js';
import { recomputePlan, recomputeTasks } from './task-status-recompute.js';

/**
 * Task status is kept by one mechanism: a write marks what it touched (tasks, or the whole plan for plan-wide
 * changes) on its transaction, and `statusWrite` recomputes exactly that, once, at the end of the same
 * transaction. What time alone changes (deadlines, closing periods) comes from the daily job
 * (jobs/task-status-jobs.ts), never from a read.
 */
interface PlanMarks {
  tenantId: string;
  planId: string;
  whole: boolean;
  items: Set<string>;
}

const marksByTransaction = new WeakMap<object, Map<string, PlanMarks>>();

function marksOf(trx: Executor, tenantId: string, planId: string): PlanMarks {
  const marks = marksByTransaction.get(trx);
  // A mark outside statusWrite would be lost silently; fail loudly instead.
  if (!marks) throw new Error('task status marked outside a statusWrite transaction');
  const key = `${tenantId} ${planId}`;
  const entry = marks.get(key) ?? { tenantId, planId, whole: false, items: new Set<string>() };
  marks.set(key, entry);
  return entry;
}

/** The write changed what these tasks' statuses depend on (their reports, actuals, targets). */
export function markTasks(trx: Executor, tenantId: string, planId: string, itemIds: readonly string[]): void {
  const entry = marksOf(trx, tenantId, planId);
  for (const id of itemIds) entry.items.add(id);
}

/** The write changed something every task of the plan depends on (structure, thresholds, periods, state). */
export function markPlan(trx: Executor, tenantId: string, planId: string): void {
  marksOf(trx, tenantId, planId).whole = true;
}

/** A write transaction whose marked tasks are recomputed before it commits. */
export function statusWrite<T>(
  deps: Pick<Deps, 'db' | 'clock'>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const marks = new Map<string, PlanMarks>();
    marksByTransaction.set(trx, marks);
    const result = await work(trx);
    const now = deps.clock.now();
    // In plan order, so two transactions touching the same plans lock their status rows in one order.
    for (const m of [...marks.values()].sort((a, b) => a.planId.localeCompare(b.planId))) {
      if (m.whole) await recomputePlan(trx, m.tenantId, m.planId, now);
      else await recomputeTasks(trx, m.tenantId, m.planId, [...m.items], now);
    }
    return result;
  });
}
