import type { TaskDto, TaskStatus } from '@yaodian/core';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { listPlans, type PlanHeader } from '../repositories/plan-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { loadTaskBoard } from './task-board.js';

export interface TaskFilter {
  planId?: string;
  sectionId?: string;
  unitId?: string;
  status?: TaskStatus;
  q?: string;
  dueBefore?: string;
  mine?: boolean;
}

function matches(task: TaskDto, filter: TaskFilter, actor: Actor): boolean {
  const units = [...task.leadUnits, ...task.supportUnits].map((u) => u.id);
  if (filter.sectionId && task.sectionId !== filter.sectionId) return false;
  if (filter.unitId && !units.includes(filter.unitId)) return false;
  if (filter.mine && !units.some((u) => actor.unitIds.includes(u))) return false;
  if (filter.status && task.status !== filter.status) return false;
  if (filter.dueBefore && (task.deadline === null || task.deadline > filter.dueBefore)) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    if (!`${task.title}\n${task.text}\n${task.sectionTitle ?? ''}`.toLowerCase().includes(q)) return false;
  }
  return true;
}

/** Tasks of published plans (or of one visible plan), with status, filtered. */
export async function listTasks(deps: Deps, actor: Actor, filter: TaskFilter): Promise<{ tasks: TaskDto[] }> {
  authorize(actor, 'task.read');
  const plans: PlanHeader[] = filter.planId
    ? [await visiblePlan(deps.db, actor, filter.planId)]
    : await listPlans(deps.db, actor.tenantId, ['published']);
  const now = deps.clock.now();
  const tasks: TaskDto[] = [];
  for (const plan of plans) {
    const board = await loadTaskBoard(deps.db, plan, now);
    tasks.push(...board.tasks.filter((t) => matches(t, filter, actor)));
  }
  return { tasks };
}
