import type { Executor } from '../db/database.js';
import type { SupervisionNoticeDoc } from '../documents/supervision-notice.js';

/** The notices a 通报 reports for a period: those issued in it and those closed (销号) in it. */
export interface PeriodNotices {
  issued: SupervisionNoticeDoc[];
  closed: SupervisionNoticeDoc[];
}

/** Reads the plan's 督办 notices issued or closed between `startsOn` and `endsOn` (YYYY-MM-DD, inclusive). */
export type SupervisionNoticeSource = (
  db: Executor,
  tenantId: string,
  planId: string,
  period: { startsOn: string; endsOn: string },
) => Promise<PeriodNotices>;

/**
 * The notices of a period, shaped for the documents. TO WIRE: the 督办 ladder's table (issue 9, item 3) is built
 * on another branch; until it is merged there are no notices, and this answers none. Give it a body that queries
 * that table (tenant_id first, as every query here) with this signature: the 通报 service already calls it.
 */
export const listSupervisionNoticesForBulletin: SupervisionNoticeSource = () =>
  Promise.resolve({ issued: [], closed: [] });
