import type { ReminderPolicy, ScheduledReminder } from '@yaodian/core';
import { addWorkingDays, workingDayOnOrAfter, type WorkdayOverrides } from './working-days.js';

export interface PeriodDue {
  id: string;
  label: string;
  dueOn: string;
}

/** The due date reports are chased against: the period's, moved to a working day if the plan says so. */
export function effectiveDueOn(
  period: PeriodDue,
  policy: ReminderPolicy,
  overrides?: WorkdayOverrides,
): string {
  return policy.shiftToWorkday ? workingDayOnOrAfter(period.dueOn, overrides) : period.dueOn;
}

/** Every reminder the policy puts around one period's due date, earliest first. */
export function remindersFor(
  period: PeriodDue,
  policy: ReminderPolicy,
  overrides?: WorkdayOverrides,
): ScheduledReminder[] {
  if (!policy.enabled) return [];
  const dueOn = effectiveDueOn(period, policy, overrides);
  const at = (kind: ScheduledReminder['kind'], offset: number): ScheduledReminder => ({
    periodId: period.id,
    periodLabel: period.label,
    dueOn,
    on: offset === 0 ? dueOn : addWorkingDays(dueOn, offset, overrides),
    kind,
    offset,
  });
  const before = [...new Set(policy.before)].map((n) => at('before', -n));
  const after = [...new Set(policy.after)].map((n) => at('after', n));
  return [...before, ...(policy.onDue ? [at('due', 0)] : []), ...after].sort(
    (a, b) => a.on.localeCompare(b.on) || a.offset - b.offset,
  );
}

/** The reminders that fall on `today` across the given periods. */
export function remindersOn(
  today: string,
  periods: readonly PeriodDue[],
  policy: ReminderPolicy,
  overrides?: WorkdayOverrides,
): ScheduledReminder[] {
  return periods.flatMap((p) => remindersFor(p, policy, overrides).filter((r) => r.on === today));
}

/** The next `limit` reminders on or after `today`. */
export function upcomingReminders(
  today: string,
  periods: readonly PeriodDue[],
  policy: ReminderPolicy,
  limit: number,
  overrides?: WorkdayOverrides,
): ScheduledReminder[] {
  return periods
    .flatMap((p) => remindersFor(p, policy, overrides))
    .filter((r) => r.on >= today)
    .sort((a, b) => a.on.localeCompare(b.on) || a.offset - b.offset)
    .slice(0, limit);
}
