import type { MyOwedDto } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import { currentPeriod } from '../domain/periods.js';
import { LAGGING_STATUSES } from '../domain/task-status.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTask } from '../policies/tasks.js';
import { presentMyOwed } from '../presenters/task-presenter.js';
import { listPeriodsOfPlans } from '../repositories/period-repository.js';
import { listPlans } from '../repositories/plan-repository.js';
import { listReturnedReports, listUnitDuties } from '../repositories/reminder-repository.js';
import { countPublishedTasks } from '../repositories/task-list-repository.js';
import type { Deps } from './deps.js';

/**
 * What the caller's units owe: for each published plan (newest first) its current period, and every task × own
 * unit that reports on it with that period's report and whether it is owed (the reminders' rule, in one query).
 */
export async function myOwed(deps: Deps, actor: Actor): Promise<MyOwedDto> {
  authorizeTask(actor, 'read');
  const plans = await listPlans(deps.db, actor.tenantId, ['published']);
  const periods = await listPeriodsOfPlans(
    deps.db,
    actor.tenantId,
    plans.map((p) => p.id),
  );
  const today = localDate(deps.clock.now());
  const current = new Map(
    plans.map((plan) => {
      const own = periods
        .filter((p) => p.plan_id === plan.id)
        .map((p) => ({ ...p, startsOn: p.starts_on, endsOn: p.ends_on }));
      return [plan.id, currentPeriod(own, today)] as const;
    }),
  );
  const [duties, returned] = await Promise.all([
    listUnitDuties(
      deps.db,
      actor.tenantId,
      plans.map((plan) => ({ planId: plan.id, periodId: current.get(plan.id)?.id ?? null })),
      actor.unitIds,
    ),
    listReturnedReports(deps.db, actor.tenantId, actor.unitIds),
  ]);
  return presentMyOwed(duties, plans, current, returned);
}

/** The home page's figures: tasks of published plans and the lagging ones (the summary's rule), all or mine. */
export async function taskOverview(deps: Deps, actor: Actor, mine: boolean) {
  authorizeTask(actor, 'read');
  return countPublishedTasks(deps.db, actor.tenantId, LAGGING_STATUSES, mine ? actor.unitIds : null);
}
