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

/** A row the unit still has to act on this period: nothing sent yet, a draft, or a returned report. */
export function isFillable(row: Pick<OwedReport, 'period' | 'report'>): boolean {
  if (!row.period) return false;
  return !row.report || row.report.state === 'draft' || row.report.state === 'returned';
}

export interface OwedCounts {
  /** Task × unit rows the user's units report on. */
  rows: number;
  /** Rows to fill this period (the home card's 本期待填报). */
  fillable: number;
  /** Rows whose report this period awaits review. */
  submitted: number;
  returned: number;
}

/** The counts the home cards and the 我的任务 table both show: computed once, from the same rows. */
export function countOwed(rows: readonly OwedReport[]): OwedCounts {
  return {
    rows: rows.length,
    fillable: rows.filter(isFillable).length,
    submitted: rows.filter((r) => r.report?.state === 'submitted').length,
    returned: rows.filter((r) => r.report?.state === 'returned').length,
  };
}
