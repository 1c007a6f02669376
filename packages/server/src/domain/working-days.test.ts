import { describe, expect, it } from 'vitest';
import { remindersFor } from './reminder-schedule.js';
import { addWorkingDays, isWorkingDay, workingDayOnOrAfter } from './working-days.js';

describe('working-day calendar', () => {
  it('follows the national holidays and their make-up working days (调休)', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false); // 国庆节
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday worked in exchange
    expect(isWorkingDay('2026-02-14')).toBe(true); // a Saturday before 春节, worked
    expect(isWorkingDay('2026-05-23')).toBe(false); // an ordinary Saturday
  });

  it("lets a commission's own override win over the national calendar", () => {
    const overrides = new Map([['2026-05-25', false]]);
    expect(isWorkingDay('2026-05-25', overrides)).toBe(false);
    expect(workingDayOnOrAfter('2026-05-25', overrides)).toBe('2026-05-26');
  });

  it('moves a due date on a rest day to the next working day, across a whole holiday', () => {
    expect(workingDayOnOrAfter('2026-05-25')).toBe('2026-05-25');
    expect(workingDayOnOrAfter('2026-10-03')).toBe('2026-10-08');
  });

  it('counts working days forwards and backwards, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-05-25', -3)).toBe('2026-05-20');
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-25');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    // Saturday 10 October is worked in exchange for the holiday, so it counts.
    expect(addWorkingDays('2026-10-08', 2)).toBe('2026-10-10');
  });
});

describe('reminder schedule', () => {
  const period = { id: 'p', label: '2026年9月', dueOn: '2026-10-03' };

  it('places before / due / after reminders around the shifted due date', () => {
    const policy = { enabled: true, before: [1], onDue: true, after: [2], shiftToWorkday: true };
    expect(remindersFor(period, policy).map((r) => [r.kind, r.on, r.offset])).toEqual([
      ['before', '2026-09-30', -1],
      ['due', '2026-10-08', 0],
      ['after', '2026-10-10', 2],
    ]);
  });

  it('keeps the printed due date when the plan says not to shift, and says nothing when switched off', () => {
    const policy = { enabled: true, before: [], onDue: true, after: [], shiftToWorkday: false };
    expect(remindersFor(period, policy).map((r) => r.on)).toEqual(['2026-10-03']);
    expect(remindersFor(period, { ...policy, enabled: false })).toEqual([]);
  });
});
