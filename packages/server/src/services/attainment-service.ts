import { meets } from '../domain/target-attainment.js';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { listPeriods } from '../repositories/period-repository.js';
import { listActuals, listReports } from '../repositories/report-repository.js';
import { listPlanTargets } from '../repositories/target-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';

/** Target attainment over periods: each target's reported actuals, latest value and whether it is met. */
export async function targetAttainment(deps: Deps, actor: Actor, planId: string) {
  authorize(actor, 'task.read');
  const plan = await visiblePlan(deps.db, actor, planId);
  const [targets, periods, reports] = await Promise.all([
    listPlanTargets(deps.db, actor.tenantId, plan.id),
    listPeriods(deps.db, actor.tenantId, plan.id),
    listReports(deps.db, actor.tenantId, { planId: plan.id }),
  ]);
  const shown = reports.filter((r) => r.state === 'submitted' || r.state === 'accepted');
  const actuals = await listActuals(
    deps.db,
    actor.tenantId,
    shown.map((r) => r.id),
  );
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const reportById = new Map(shown.map((r) => [r.id, r]));
  return {
    targets: targets.map((t) => {
      const series = actuals
        .filter((a) => a.targetId === t.id)
        .flatMap((a) => {
          const report = reportById.get(a.reportId);
          const period = report && periodById.get(report.period_id);
          return period
            ? [{ periodId: period.id, label: period.label, endsOn: period.ends_on, value: a.value }]
            : [];
        })
        .sort((a, b) => a.endsOn.localeCompare(b.endsOn));
      const latest = series.at(-1)?.value ?? null;
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
        met: latest === null ? null : meets(t, latest),
      };
    }),
  };
}
