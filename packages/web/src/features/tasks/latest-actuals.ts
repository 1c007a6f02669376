import type { PeriodDto, ReportDto } from '../../api/endpoints.js';

export interface ActualPoint {
  periodId: string;
  periodLabel: string;
  endsOn: string;
  value: number;
}

/**
 * Actual values per target over periods, from reports past draft (the same rule as the server's status).
 * Where several units report one target in a period, the latest report wins.
 */
export function actualSeries(
  reports: readonly ReportDto[],
  periods: readonly PeriodDto[],
): Map<string, ActualPoint[]> {
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const byTarget = new Map<string, Map<string, { point: ActualPoint; at: string }>>();
  for (const report of reports) {
    if (report.state === 'draft') continue;
    const period = periodById.get(report.periodId);
    if (!period) continue;
    for (const actual of report.actuals) {
      const perPeriod =
        byTarget.get(actual.targetId) ?? new Map<string, { point: ActualPoint; at: string }>();
      const seen = perPeriod.get(period.id);
      if (!seen || seen.at < report.updatedAt) {
        perPeriod.set(period.id, {
          point: {
            periodId: period.id,
            periodLabel: period.label,
            endsOn: period.endsOn,
            value: actual.value,
          },
          at: report.updatedAt,
        });
      }
      byTarget.set(actual.targetId, perPeriod);
    }
  }
  const result = new Map<string, ActualPoint[]>();
  for (const [targetId, perPeriod] of byTarget) {
    result.set(
      targetId,
      [...perPeriod.values()].map((v) => v.point).sort((a, b) => a.endsOn.localeCompare(b.endsOn)),
    );
  }
  return result;
}

export function latestActual(series: Map<string, ActualPoint[]>, targetId: string): number | null {
  const points = series.get(targetId);
  return points?.length ? (points[points.length - 1]?.value ?? null) : null;
}
