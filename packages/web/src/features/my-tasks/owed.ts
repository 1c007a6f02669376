import type { PeriodDto, ReportDto, TaskDto } from '../../api/endpoints.js';

export interface OwedReport {
  task: TaskDto;
  unitId: string;
  unitName: string;
  period: PeriodDto | undefined;
  report: ReportDto | undefined;
}

/** One row per task × unit of mine that reports on it, with this period's report if there is one. */
export function owedReports(
  tasks: readonly TaskDto[],
  myUnitIds: readonly string[],
  periodOf: (planId: string) => PeriodDto | undefined,
  reports: readonly ReportDto[],
): OwedReport[] {
  const mine = new Set(myUnitIds);
  const rows: OwedReport[] = [];
  for (const task of tasks) {
    const period = periodOf(task.planId);
    for (const unit of task.reportingUnits) {
      if (!mine.has(unit.id)) continue;
      const report = period
        ? reports.find((r) => r.itemId === task.id && r.unitId === unit.id && r.periodId === period.id)
        : undefined;
      rows.push({ task, unitId: unit.id, unitName: unit.name, period, report });
    }
  }
  return rows;
}
