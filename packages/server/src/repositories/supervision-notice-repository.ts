import type { Executor } from '../db/database.js';
import type { SupervisionNotice } from '../domain/assessment/inputs.js';

/**
 * The 督办 notices the annual assessment deducts for: each notice issued to a unit for the plan's tasks, with
 * its level and China issue date, up to `asOf`. The supervision ladder's table is not in this schema yet, so
 * there are none; the assessment reads them only through this function, whose signature is the query's.
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- the parameters are the query's once its table exists */
export function listSupervisionNotices(
  db: Executor,
  tenantId: string,
  planId: string,
  asOf: string,
): Promise<SupervisionNotice[]> {
  return Promise.resolve([]);
}
/* eslint-enable @typescript-eslint/no-unused-vars */
