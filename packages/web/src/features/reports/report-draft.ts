import { REPORT_TEXT_MAX } from '@yaodian/core';
import type { ReportDto, ReportFields } from '../../api/endpoints.js';

/** What the report form holds; kept in sessionStorage while the user types. */
export interface ReportDraft {
  percent: number;
  narrative: string;
  problems: string;
  nextSteps: string;
  /** Actual values by target id; null where the user has not entered one. */
  actuals: Record<string, { value: number | null; note: string }>;
  /** One key per submission attempt, so a retried submit never creates a second report. */
  idempotencyKey: string;
}

export function draftKey(params: {
  reportId?: string;
  itemId?: string;
  unitId?: string;
  periodId?: string;
}): string {
  return params.reportId
    ? `report:${params.reportId}`
    : `report:${params.itemId ?? ''}:${params.unitId ?? ''}:${params.periodId ?? ''}`;
}

export function isReportDraft(value: unknown): value is ReportDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.percent === 'number' &&
    typeof v.narrative === 'string' &&
    typeof v.problems === 'string' &&
    typeof v.nextSteps === 'string' &&
    typeof v.idempotencyKey === 'string' &&
    typeof v.actuals === 'object' &&
    v.actuals !== null
  );
}

/** A new report, its progress starting from the task's accepted percent (0 before any accepted report). */
export function emptyDraft(newKey: () => string, percent = 0): ReportDraft {
  return { percent, narrative: '', problems: '', nextSteps: '', actuals: {}, idempotencyKey: newKey() };
}

export type TextField = 'narrative' | 'problems' | 'nextSteps';

/** The text fields longer than the server keeps (core's limit): said before sending, never cut silently. */
export function overLimit(draft: Pick<ReportDraft, TextField>, max = REPORT_TEXT_MAX): TextField[] {
  return (['narrative', 'problems', 'nextSteps'] as const).filter((field) => draft[field].length > max);
}

export function draftFromReport(report: ReportDto, newKey: () => string): ReportDraft {
  return {
    percent: report.percent,
    narrative: report.narrative,
    problems: report.problems,
    nextSteps: report.nextSteps,
    actuals: Object.fromEntries(report.actuals.map((a) => [a.targetId, { value: a.value, note: a.note }])),
    idempotencyKey: newKey(),
  };
}

/** The request fields: only actuals with a value, clamped percent. */
export function fieldsOf(draft: ReportDraft): ReportFields {
  return {
    percent: Math.max(0, Math.min(100, Math.round(draft.percent))),
    narrative: draft.narrative,
    problems: draft.problems,
    nextSteps: draft.nextSteps,
    actuals: Object.entries(draft.actuals)
      .filter(
        (entry): entry is [string, { value: number; note: string }] =>
          entry[1].value !== null && Number.isFinite(entry[1].value),
      )
      .map(([targetId, a]) => ({ targetId, value: a.value, note: a.note })),
  };
}
