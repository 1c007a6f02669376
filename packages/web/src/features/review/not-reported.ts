import type { ReportDto, TaskDto } from '../../api/endpoints.js';

export interface MissingUnit {
  unitId: string;
  name: string;
  tasks: TaskDto[];
}

/** Units that owe a report for the period and have none past draft, with the tasks they owe; most tasks first. */
export function notReported(
  tasks: readonly TaskDto[],
  reports: readonly ReportDto[],
  periodId: string,
): MissingUnit[] {
  const reported = new Set(
    reports
      .filter((r) => r.periodId === periodId && r.state !== 'draft')
      .map((r) => `${r.itemId}:${r.unitId}`),
  );
  const byUnit = new Map<string, MissingUnit>();
  for (const task of tasks) {
    if (task.status === 'done') continue;
    for (const unit of task.reportingUnits) {
      if (reported.has(`${task.id}:${unit.id}`)) continue;
      const entry = byUnit.get(unit.id) ?? { unitId: unit.id, name: unit.name, tasks: [] };
      entry.tasks.push(task);
      byUnit.set(unit.id, entry);
    }
  }
  return [...byUnit.values()].sort(
    (a, b) => b.tasks.length - a.tasks.length || a.name.localeCompare(b.name, 'zh-CN'),
  );
}
