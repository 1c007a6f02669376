import { ATTAINMENT_TOLERANCE, attainmentPercent } from '../domain/target-attainment.js';
import { effectiveAssignments, reportingUnitIds } from '../domain/plan-tree.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTask } from '../policies/tasks.js';
import { listPeriods } from '../repositories/period-repository.js';
import { listActuals, listReports } from '../repositories/report-repository.js';
import type { Executor } from '../db/database.js';
import type { PlanHeader } from '../repositories/plan-repository.js';
import type { Deps } from './deps.js';
import { loadPlanParts, visiblePlan } from './plan-loader.js';

/**
 * Target attainment over periods: each target's accepted actuals (from the task's lead units), the latest
 * accepted value with its attainment, and the latest value awaiting review beside it (never instead of it).
 */
export async function targetAttainment(deps: Deps, actor: Actor, planId: string) {
  authorizeTask(actor, 'read');
  const plan = await visiblePlan(deps.db, actor, planId);
  return planAttainment(deps.db, plan);
}

/** The attainment of a plan the caller has already authorised and loaded (the 推进表 reads it too). */
export async function planAttainment(db: Executor, plan: PlanHeader) {
  const [parts, periods, reports] = await Promise.all([
    loadPlanParts(db, plan),
    listPeriods(db, plan.tenant_id, plan.id),
    listReports(db, plan.tenant_id, { planId: plan.id }),
  ]);
  const effective = effectiveAssignments(parts.tree, parts.assignments);
  const counted = (itemId: string, unitId: string): boolean =>
    reportingUnitIds(effective.get(itemId)?.assignments ?? []).includes(unitId);
  const shown = reports.filter(
    (r) => (r.state === 'submitted' || r.state === 'accepted') && counted(r.item_id, r.unit_id),
  );
  const actuals = await listActuals(
    db,
    plan.tenant_id,
    shown.map((r) => r.id),
  );
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const reportById = new Map(shown.map((r) => [r.id, r]));
  const seriesOf = (targetId: string, state: 'accepted' | 'submitted') =>
    actuals
      .filter((a) => a.targetId === targetId)
      .flatMap((a) => {
        const report = reportById.get(a.reportId);
        const period = report?.state === state ? periodById.get(report.period_id) : undefined;
        return period
          ? [{ periodId: period.id, label: period.label, endsOn: period.ends_on, value: a.value }]
          : [];
      })
      .sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  return {
    tolerance: ATTAINMENT_TOLERANCE,
    targets: parts.targets.map((t) => {
      const series = seriesOf(t.id, 'accepted');
      const latest = series.at(-1)?.value ?? null;
      const attainment = attainmentPercent(t, latest);
      const pending = seriesOf(t.id, 'submitted').at(-1) ?? null;
      return {
        targetId: t.id,
        itemId: t.item_id,
        metric: t.metric,
        op: t.op,
        value: t.value,
        lo: t.lo,
        hi: t.hi,
        unit: t.unit,
        direction: t.direction,
        series,
        latest,
        attainment,
        met: attainment === null ? null : attainment === 100,
        pending: pending ? { periodId: pending.periodId, label: pending.label, value: pending.value } : null,
      };
    }),
  };
}
