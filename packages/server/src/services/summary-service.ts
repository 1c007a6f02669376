import { TASK_STATUSES, type TaskDto, type TaskStatus } from '@yaodian/core';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { loadTaskBoard } from './task-board.js';

function completion(tasks: readonly TaskDto[]) {
  const done = tasks.filter((t) => t.status === 'done').length;
  const mean = tasks.length === 0 ? 0 : tasks.reduce((sum, t) => sum + (t.percent ?? 0), 0) / tasks.length;
  return { tasks: tasks.length, done, averagePercent: Math.round(mean * 10) / 10 };
}

/** What a dashboard shows for a plan: status counts, completion by section and by unit. */
export async function planSummary(deps: Deps, actor: Actor, planId: string) {
  authorize(actor, 'task.read');
  const plan = await visiblePlan(deps.db, actor, planId);
  const board = await loadTaskBoard(deps.db, plan, deps.clock.now());
  const statusCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const task of board.tasks) statusCounts[task.status] += 1;

  const sections = new Map<string | null, { title: string; tasks: TaskDto[] }>();
  for (const task of board.tasks) {
    const entry = sections.get(task.sectionId) ?? { title: task.sectionTitle ?? '（未分节）', tasks: [] };
    entry.tasks.push(task);
    sections.set(task.sectionId, entry);
  }
  const units = new Map<string, { name: string; tasks: TaskDto[] }>();
  for (const task of board.tasks) {
    for (const unit of task.reportingUnits) {
      const entry = units.get(unit.id) ?? { name: unit.name, tasks: [] };
      entry.tasks.push(task);
      units.set(unit.id, entry);
    }
  }
  const countOf = (state: string) => board.reports.filter((r) => r.state === state).length;
  return {
    planId,
    statusCounts,
    reports: { accepted: countOf('accepted'), pending: countOf('submitted'), returned: countOf('returned') },
    bySection: [...sections].map(([sectionId, s]) => ({ sectionId, title: s.title, ...completion(s.tasks) })),
    byUnit: [...units]
      .map(([unitId, u]) => ({ unitId, name: u.name, ...completion(u.tasks) }))
      .sort((a, b) => b.averagePercent - a.averagePercent || a.name.localeCompare(b.name, 'zh')),
  };
}
