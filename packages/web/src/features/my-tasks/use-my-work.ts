import { useMemo } from 'react';
import {
  api,
  type PeriodDto,
  type PlanSummaryDto,
  type ReportDto,
  type TaskDto,
} from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { useMe } from '../../auth/auth.js';
import { useToday } from '../../components/use-today.js';
import { currentPeriod } from '../tasks/periods.js';
import { countOwed, owedReports, type OwedCounts, type OwedReport } from './owed.js';

export interface MyWork {
  /** Undefined until every part has arrived (show a skeleton, never "nothing to do"). */
  rows: OwedReport[] | undefined;
  counts: OwedCounts | undefined;
  tasks: TaskDto[];
  reports: ReportDto[];
  plans: Map<string, PlanSummaryDto>;
  periods: Map<string, PeriodDto[]>;
  error: unknown;
  reload: () => void;
}

/**
 * The user's reporting work: one row per task × own unit with this period's report. The home cards and the
 * 我的任务 table both read it, so their counts cannot disagree.
 */
export function useMyWork(enabled = true): MyWork {
  const me = useMe();
  const today = useToday();
  const tasks = useLoad(() => (enabled ? api.myTasks() : Promise.resolve([])), [enabled]);
  const plans = useLoad(() => (enabled ? api.plans() : Promise.resolve([])), [enabled]);
  const planIds = useMemo(() => [...new Set((tasks.data ?? []).map((task) => task.planId))], [tasks.data]);
  const periods = useLoad(
    async () =>
      new Map<string, PeriodDto[]>(
        await Promise.all(planIds.map(async (id) => [id, await api.periods(id)] as const)),
      ),
    [planIds.join()],
  );
  const reports = useLoad(() => (enabled ? api.reports({}) : Promise.resolve([])), [enabled]);
  const loaded =
    tasks.data !== undefined &&
    reports.data !== undefined &&
    periods.data !== undefined &&
    !tasks.loading &&
    !periods.loading;
  const rows = useMemo(() => {
    if (!loaded) return undefined;
    const periodOf = (planId: string): PeriodDto | undefined =>
      currentPeriod(periods.data?.get(planId) ?? [], today);
    return owedReports(tasks.data ?? [], me.unitIds, periodOf, reports.data ?? []);
  }, [loaded, tasks.data, periods.data, reports.data, me.unitIds, today]);
  return {
    rows,
    counts: rows ? countOwed(rows) : undefined,
    tasks: tasks.data ?? [],
    reports: reports.data ?? [],
    plans: new Map((plans.data ?? []).map((p) => [p.id, p])),
    periods: periods.data ?? new Map<string, PeriodDto[]>(),
    error: tasks.error ?? reports.error ?? periods.error ?? plans.error,
    reload: () => {
      tasks.reload();
      reports.reload();
    },
  };
}
