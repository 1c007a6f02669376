import { TASK_STATUSES, type TaskStatus } from '@yaodian/core';
import type { ItemDto, PeriodDto, ReportDto, TargetDto, TaskDto } from '../../api/endpoints.js';
import { attainment } from '../tasks/attainment.js';
import { actualSeries, type ActualPoint } from '../tasks/latest-actuals.js';

export interface Completion {
  key: string;
  name: string;
  tasks: number;
  done: number;
  /** Share of tasks done, 0–100. */
  completion: number;
  /** Mean latest percent, 0 for a task without a report. */
  averagePercent: number;
}

export function statusCounts(tasks: readonly TaskDto[]): Record<TaskStatus, number> {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const task of tasks) counts[task.status]++;
  return counts;
}

function completion(key: string, name: string, tasks: readonly TaskDto[]): Completion {
  const done = tasks.filter((x) => x.status === 'done').length;
  const mean = tasks.length ? tasks.reduce((sum, x) => sum + (x.percent ?? 0), 0) / tasks.length : 0;
  return {
    key,
    name,
    tasks: tasks.length,
    done,
    completion: tasks.length ? Math.round((done / tasks.length) * 1000) / 10 : 0,
    averagePercent: Math.round(mean * 10) / 10,
  };
}

/** Completion per top-level section, in plan order; a task that is itself a section counts under itself. */
export function bySection(
  tasks: readonly TaskDto[],
  sections: readonly Pick<ItemDto, 'id' | 'number' | 'title'>[],
): Completion[] {
  return sections
    .map((s) =>
      completion(
        s.id,
        `${s.number} ${s.title}`,
        tasks.filter((x) => (x.sectionId ?? x.id) === s.id),
      ),
    )
    .filter((c) => c.tasks > 0);
}

/** Completion per unit that owes reports, lowest completion first so laggards show at the top. */
export function byUnit(tasks: readonly TaskDto[]): Completion[] {
  const units = new Map<string, { name: string; tasks: TaskDto[] }>();
  for (const task of tasks) {
    for (const unit of task.reportingUnits) {
      const entry = units.get(unit.id) ?? { name: unit.name, tasks: [] };
      entry.tasks.push(task);
      units.set(unit.id, entry);
    }
  }
  return [...units.entries()]
    .map(([id, u]) => completion(id, u.name, u.tasks))
    .sort((a, b) => a.averagePercent - b.averagePercent || a.name.localeCompare(b.name, 'zh-CN'));
}

export interface HeatRow {
  unitId: string;
  name: string;
  counts: Record<TaskStatus, number>;
}

/** Unit × status: how many of each unit's tasks are in each status (lead and support alike). */
export function heatMap(tasks: readonly TaskDto[]): HeatRow[] {
  const rows = new Map<string, HeatRow>();
  for (const task of tasks) {
    for (const unit of [...task.leadUnits, ...task.supportUnits]) {
      const row = rows.get(unit.id) ?? { unitId: unit.id, name: unit.name, counts: statusCounts([]) };
      row.counts[task.status]++;
      rows.set(unit.id, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export interface AttainmentRow {
  target: TargetDto;
  taskTitle: string;
  latest: number | null;
  attainment: number | null;
  series: ActualPoint[];
}

export function attainmentRows(
  items: readonly ItemDto[],
  reports: readonly ReportDto[],
  periods: readonly PeriodDto[],
): AttainmentRow[] {
  const series = actualSeries(reports, periods);
  return items.flatMap((item) =>
    item.targets.map((target) => {
      const points = series.get(target.id) ?? [];
      const latest = points.length ? (points[points.length - 1]?.value ?? null) : null;
      return {
        target,
        taskTitle: `${item.number} ${item.title}`,
        latest,
        attainment: attainment(target, latest),
        series: points,
      };
    }),
  );
}

const URGENT: readonly TaskStatus[] = ['overdue', 'behind', 'at_risk'];

/** Overdue first, then behind, then at risk; earliest deadline first within each. */
export function riskList(tasks: readonly TaskDto[]): TaskDto[] {
  return tasks
    .filter((x) => URGENT.includes(x.status))
    .sort(
      (a, b) =>
        URGENT.indexOf(a.status) - URGENT.indexOf(b.status) ||
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
    );
}
