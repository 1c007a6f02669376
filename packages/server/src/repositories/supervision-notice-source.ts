import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import { DOCUMENT_WORDS } from '../documents/document-wording.js';
import type { SupervisionNoticeDoc } from '../documents/supervision-notice.js';
import { supervisionNumber } from '../domain/supervision-rules.js';
import { findTenantName } from './tenant-repository.js';
import { listSupervisionViews, type SupervisionView } from './supervision-repository.js';

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

const DAY_MS = 86_400_000;
/** The first instant of a China date (UTC+8). */
const chinaStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

/**
 * A stored notice as the documents print it: names not ids, China dates. A notice a rule raised has no
 * person behind it; it is signed for the office that runs the rules.
 */
export function noticeDoc(view: SupervisionView, organName: string): SupervisionNoticeDoc {
  return {
    number: supervisionNumber(view.year, view.seq),
    level: view.level,
    status: view.status,
    organName,
    units: view.units.map((u) => u.name),
    tasks: view.items.map((i) => ({ number: i.number || null, title: i.title })),
    reason: view.reason,
    respondBy: view.response_due,
    issuer: view.issued_by_name ?? DOCUMENT_WORDS.notice.ruleIssuer,
    issuedOn: localDate(view.issued_at),
    closedOn: view.closed_at ? localDate(view.closed_at) : null,
  };
}

/**
 * The notices of a period for the 通报's 督办 section, oldest first: issued in it, and closed (销号) in it,
 * compared on China dates. A notice issued and closed in the same period is in both lists.
 */
export const listSupervisionNoticesForBulletin: SupervisionNoticeSource = async (
  db,
  tenantId,
  planId,
  period,
) => {
  const range = {
    from: chinaStart(period.startsOn),
    to: new Date(chinaStart(period.endsOn).getTime() + DAY_MS),
  };
  const [issued, closed, organ] = await Promise.all([
    listSupervisionViews(db, tenantId, { planId, issuedIn: range }),
    listSupervisionViews(db, tenantId, { planId, closedIn: range }),
    findTenantName(db, tenantId),
  ]);
  const organName = organ ?? '';
  const oldestFirst = (views: SupervisionView[]) => [...views].reverse().map((v) => noticeDoc(v, organName));
  return { issued: oldestFirst(issued), closed: oldestFirst(closed) };
};
