import type { PeriodDto } from '../../api/endpoints.js';

/** The period a report is owed for today: the one containing today, else the latest one already begun, else the first. */
export function currentPeriod(periods: readonly PeriodDto[], today: string): PeriodDto | undefined {
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const containing = sorted.find((p) => p.startsOn <= today && today <= p.endsOn);
  if (containing) return containing;
  const begun = sorted.filter((p) => p.startsOn <= today);
  return begun[begun.length - 1] ?? sorted[0];
}
