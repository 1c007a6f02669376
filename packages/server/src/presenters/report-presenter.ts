import type { ReportDto } from '@yaodian/core';
import type { ReportRow } from '../db/schema.js';
import type { ActualRecord } from '../repositories/report-repository.js';

export function presentReport(r: ReportRow, actuals: readonly ActualRecord[]): ReportDto {
  return {
    id: r.id,
    itemId: r.item_id,
    unitId: r.unit_id,
    periodId: r.period_id,
    percent: r.percent,
    narrative: r.narrative,
    problems: r.problems,
    nextSteps: r.next_steps,
    state: r.state,
    returnReason: r.return_reason,
    noSubstanceAt: r.no_substance_at?.toISOString() ?? null,
    version: r.version,
    actuals: actuals
      .filter((a) => a.reportId === r.id)
      .map((a) => ({ targetId: a.targetId, value: a.value, note: a.note })),
    submittedAt: r.submitted_at?.toISOString() ?? null,
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
