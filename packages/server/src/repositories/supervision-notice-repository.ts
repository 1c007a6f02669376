import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import type { SupervisionNotice } from '../domain/assessment/inputs.js';
import { supervisionNumber } from '../domain/supervision-rules.js';
import { listIssuedSupervision } from './supervision-repository.js';

const DAY_MS = 86_400_000;

/**
 * The 督办 notices the annual assessment deducts for: each notice issued to a unit for the plan's tasks, with
 * its level and China issue date, up to and including `asOf` (a China date). An escalated notice and the one
 * it escalated to are both listed, each at its own level, as each was issued.
 */
export async function listSupervisionNotices(
  db: Executor,
  tenantId: string,
  planId: string,
  asOf: string,
): Promise<SupervisionNotice[]> {
  // The end of `asOf` in China time (UTC+8) as an instant.
  const to = new Date(Date.parse(`${asOf}T00:00:00+08:00`) + DAY_MS);
  const rows = await listIssuedSupervision(db, tenantId, { from: new Date(0), to, planId });
  return rows.map((r) => ({
    unitId: r.unit_id,
    level: r.level,
    issuedOn: localDate(r.issued_at),
    number: supervisionNumber(r.year, r.seq),
  }));
}
