export interface PeriodSpec {
  kind: 'monthly' | 'quarterly';
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The year's months or quarters, each due on `dueDay` of its last month (月调度 by the 25th, say). */
export function periodsOfYear(year: number, kind: 'monthly' | 'quarterly', dueDay: number): PeriodSpec[] {
  const span = kind === 'monthly' ? 1 : 3;
  const out: PeriodSpec[] = [];
  for (let first = 1; first <= 12; first += span) {
    const last = first + span - 1;
    out.push({
      kind,
      label: kind === 'monthly' ? `${year}年${first}月` : `${year}年第${(last / 3).toFixed(0)}季度`,
      startsOn: `${year}-${pad(first)}-01`,
      endsOn: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
      dueOn: `${year}-${pad(last)}-${pad(Math.min(dueDay, lastDay(year, last)))}`,
    });
  }
  return out;
}

/**
 * The period a report is owed for today: the one containing today, else the latest one already begun, else the
 * first. Dates are YYYY-MM-DD strings; among periods starting the same day the first given wins.
 */
export function currentPeriod<P extends { startsOn: string; endsOn: string }>(
  periods: readonly P[],
  today: string,
): P | undefined {
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const containing = sorted.find((p) => p.startsOn <= today && today <= p.endsOn);
  if (containing) return containing;
  const begun = sorted.filter((p) => p.startsOn <= today);
  return begun[begun.length - 1] ?? sorted[0];
}
