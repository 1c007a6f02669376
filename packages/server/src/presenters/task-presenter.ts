import type { MyOwedDto, TaskDto, TaskStatus } from '@yaodian/core';
import type { PeriodRow } from '../db/schema.js';
import type { ReturnedReportRow, UnitDutyRow } from '../repositories/reminder-repository.js';

type UnitRef = TaskDto['leadUnits'][number];

/** What a task is shown from, whichever way it was read (stored statuses or a board computed whole). */
export interface TaskParts {
  planId: string;
  item: {
    id: string;
    number: string;
    title: string;
    text: string;
    deadline: string | null;
    deadlineText: string | null;
  };
  section: { id: string | null; title: string | null };
  leadUnits: readonly UnitRef[];
  supportUnits: readonly UnitRef[];
  /** The lead units, whose accepted reports count (domain/plan-tree `reportingUnitIds`). */
  reportingUnits: readonly UnitRef[];
  status: { status: TaskStatus; reason: string; percent: number | null };
  /** The narrative of the newest accepted report of a reporting unit. */
  latestNarrative: string | null;
  /** Submitted reports awaiting review, newest period first. */
  submitted: readonly { id: string; unit_id: string; period_id: string; percent: number }[];
}

/**
 * The fields a task shows: id, planId, section, number, title, text, deadline, lead/support/reporting units,
 * status with its reason and percent, the latest accepted narrative, and the reports pending review, each
 * marked `counted` when its unit is one whose reports move the status.
 */
export function presentTask(t: TaskParts): TaskDto {
  const reporting = new Set(t.reportingUnits.map((u) => u.id));
  return {
    id: t.item.id,
    planId: t.planId,
    sectionId: t.section.id,
    sectionTitle: t.section.title,
    number: t.item.number,
    title: t.item.title,
    text: t.item.text,
    deadline: t.item.deadline,
    deadlineText: t.item.deadlineText,
    leadUnits: [...t.leadUnits],
    supportUnits: [...t.supportUnits],
    reportingUnits: [...t.reportingUnits],
    status: t.status.status,
    statusReason: t.status.reason,
    percent: t.status.percent,
    latestNarrative: t.latestNarrative,
    pending: t.submitted.map((r) => ({
      reportId: r.id,
      unitId: r.unit_id,
      periodId: r.period_id,
      percent: r.percent,
      counted: reporting.has(r.unit_id),
    })),
  };
}

/**
 * What a user's units owe: each duty row with its task, plan, unit, period and report; the counts from the
 * same rows (so the home card and the table cannot disagree); the returned reports to send again.
 */
export function presentMyOwed(
  duties: readonly UnitDutyRow[],
  plans: readonly { id: string; year: number; title: string }[],
  periods: ReadonlyMap<string, PeriodRow | undefined>,
  returned: readonly ReturnedReportRow[],
): MyOwedDto {
  const planOf = new Map(plans.map((p) => [p.id, { id: p.id, year: p.year, title: p.title }]));
  const rows = duties.map((d) => {
    const period = periods.get(d.plan_id);
    return {
      task: {
        id: d.item_id,
        planId: d.plan_id,
        number: d.item_number,
        title: d.item_title,
        deadline: d.deadline,
        deadlineText: d.deadline_text,
        status: d.status,
        percent: d.percent,
      },
      plan: planOf.get(d.plan_id) ?? { id: d.plan_id, year: 0, title: '' },
      unit: { id: d.unit_id, name: d.unit_name },
      period: period
        ? {
            id: period.id,
            label: period.label,
            startsOn: period.starts_on,
            endsOn: period.ends_on,
            dueOn: period.due_on,
          }
        : null,
      report:
        d.report_id && d.report_state
          ? { id: d.report_id, state: d.report_state, returnReason: d.return_reason }
          : null,
      owed: d.owed && period !== undefined,
    };
  });
  return {
    rows,
    counts: {
      rows: rows.length,
      owed: rows.filter((r) => r.owed).length,
      submitted: rows.filter((r) => r.report?.state === 'submitted').length,
      returned: rows.filter((r) => r.report?.state === 'returned').length,
    },
    returned: returned.map((r) => ({
      reportId: r.report_id,
      taskNumber: r.item_number,
      taskTitle: r.item_title,
      periodLabel: r.period_label,
      unitName: r.unit_name,
      returnReason: r.return_reason,
    })),
  };
}
