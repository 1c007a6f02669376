import type { SupervisionNoticeDto } from '@yaodian/core';
import { supervisionNumber } from '../domain/supervision-rules.js';
import type { SupervisionView } from '../repositories/supervision-repository.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * A 督办 notice: number, level, status, rule and reason, units and tasks by name, the response date, who
 * issued, signed, responded and closed it and when, the 整改措施, and its place on the escalation ladder.
 * The idempotency key and rule key stay in.
 */
export function presentSupervision(v: SupervisionView): SupervisionNoticeDto {
  return {
    id: v.id,
    planId: v.plan_id,
    number: supervisionNumber(v.year, v.seq),
    year: v.year,
    seq: v.seq,
    level: v.level,
    status: v.status,
    rule: v.rule,
    reason: v.reason,
    units: v.units,
    tasks: v.items,
    responseDue: v.response_due,
    issuedAt: iso(v.issued_at) ?? '',
    issuedBy: v.issued_by_name,
    signedAt: iso(v.signed_at),
    signedBy: v.signed_by_name,
    respondedAt: iso(v.responded_at),
    respondedBy: v.responded_by_name,
    response: v.response,
    closedAt: iso(v.closed_at),
    closedBy: v.closed_by_name,
    closeNote: v.close_note,
    previousId: v.previous_id,
    nextId: v.next_id,
    version: v.version,
  };
}
