import type { TaskDto, TaskStatus } from '@yaodian/core';

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
