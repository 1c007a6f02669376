import type { OwedUnits } from '@yaodian/core';
import type { PeriodRow } from '../db/schema.js';
import { currentPeriod } from '../domain/periods.js';

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

/** A plan's periods and the one current today (domain/periods `currentPeriod`). */
export function presentPeriodList(rows: readonly PeriodRow[], today: string) {
  const periods = rows.map(presentPeriod);
  return { periods, currentId: currentPeriod(periods, today)?.id ?? null };
}

/** Who owes a period's report: units with the tasks each owes (id, number, title), most tasks first. */
export function presentOwedUnits(
  rows: readonly {
    item_id: string;
    item_number: string;
    item_title: string;
    unit_id: string;
    unit_name: string;
  }[],
): OwedUnits {
  const byUnit = new Map<string, OwedUnits['units'][number]>();
  for (const row of rows) {
    const unit = byUnit.get(row.unit_id) ?? { unitId: row.unit_id, name: row.unit_name, tasks: [] };
    unit.tasks.push({ id: row.item_id, number: row.item_number, title: row.item_title });
    byUnit.set(row.unit_id, unit);
  }
  return {
    units: [...byUnit.values()].sort(
      (a, b) => b.tasks.length - a.tasks.length || a.name.localeCompare(b.name, 'zh-CN'),
    ),
  };
}
