import type { PeriodRow } from '../db/schema.js';

/** The fields a reporting period shows: id, planId, kind, label, startsOn, endsOn, dueOn. */
export function presentPeriod(p: PeriodRow) {
  return {
    id: p.id,
    planId: p.plan_id,
    kind: p.kind,
    label: p.label,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    dueOn: p.due_on,
  };
}
