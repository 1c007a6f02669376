import type { OwedUnits } from '@yaodian/core';
import { periodsOfYear } from '../domain/periods.js';
import type { Actor } from '../policies/actor.js';
import { authorizePeriod } from '../policies/periods.js';
import { localDate } from '../config/clock.js';
import { presentOwedUnits, presentPeriod, presentPeriodList } from '../presenters/period-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  findPeriod,
  insertPeriods,
  listPeriods,
  updatePeriodRow,
} from '../repositories/period-repository.js';
import { AppError, notFound } from '../errors/app-error.js';
import { listOwedReports } from '../repositories/reminder-repository.js';
import type { Deps } from './deps.js';
import { editablePlan, visiblePlan } from './plan-loader.js';
import { markPlan, statusWrite } from './status-tracking.js';
import { ERRORS } from '../messaging/error-messages.js';

export async function listPlanPeriods(deps: Deps, actor: Actor, planId: string) {
  authorizePeriod(actor, 'read');
  await visiblePlan(deps.db, actor, planId);
  return presentPeriodList(await listPeriods(deps.db, actor.tenantId, planId), localDate(deps.clock.now()));
}

/** Creates the plan year's monthly or quarterly periods; ones that exist are left as they are. */
export async function generatePeriods(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: { kind: 'monthly' | 'quarterly'; dueDay: number },
) {
  authorizePeriod(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    const plan = await editablePlan(trx, actor, planId, false);
    await insertPeriods(trx, actor.tenantId, planId, periodsOfYear(plan.year, input.kind, input.dueDay));
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'periods.generate',
      entity: 'plan',
      entityId: planId,
      after: input,
      at: deps.clock.now(),
    });
    markPlan(trx, actor.tenantId, planId);
    return presentPeriodList(await listPeriods(trx, actor.tenantId, planId), localDate(deps.clock.now()));
  });
}

export async function updatePeriod(
  deps: Deps,
  actor: Actor,
  planId: string,
  periodId: string,
  input: { dueOn: string; label?: string },
) {
  authorizePeriod(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, false);
    const before = await findPeriod(trx, actor.tenantId, periodId);
    if (before?.plan_id !== planId) throw notFound('period');
    if (input.dueOn < before.starts_on)
      throw new AppError('validation_failed', ERRORS.period.dueBeforeStart, {
        field: 'dueOn',
      });
    const after = await updatePeriodRow(trx, actor.tenantId, periodId, {
      due_on: input.dueOn,
      ...(input.label ? { label: input.label } : {}),
    });
    if (!after) throw notFound('period');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'period.update',
      entity: 'period',
      entityId: periodId,
      before: presentPeriod(before),
      after: presentPeriod(after),
      at: deps.clock.now(),
    });
    markPlan(trx, actor.tenantId, planId);
    return presentPeriod(after);
  });
}

/** The units that still owe the period's report, and which tasks (the rule the reminders chase). */
export async function owedUnits(
  deps: Deps,
  actor: Actor,
  planId: string,
  periodId: string,
): Promise<OwedUnits> {
  authorizePeriod(actor, 'read');
  await visiblePlan(deps.db, actor, planId);
  const period = await findPeriod(deps.db, actor.tenantId, periodId);
  if (period?.plan_id !== planId) throw notFound('period');
  return presentOwedUnits(await listOwedReports(deps.db, actor.tenantId, planId, periodId));
}
