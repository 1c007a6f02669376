import { describe, expect, it } from 'vitest';
import { rankUnitReporting, type PeriodReport, type ReportingTask } from './period-reporting.js';

const A = { id: 'a', name: '医政医管科' };
const B = { id: 'b', name: '妇幼健康科' };
const C = { id: 'c', name: '规划信息科' };

const task = (id: string, status: ReportingTask['status'], ...units: { id: string; name: string }[]) => ({
  id,
  status,
  reportingUnits: units,
});
const report = (
  itemId: string,
  unitId: string,
  state: PeriodReport['state'],
  submittedOn: string | null,
): PeriodReport => ({ itemId, unitId, state, submittedOn });

describe('rankUnitReporting', () => {
  it('counts owed, on-time and accepted reports per unit and ranks by on-time then accepted share', () => {
    const tasks = [
      task('t1', 'on_track', A, B),
      task('t2', 'behind', A),
      task('t3', 'overdue', B),
      task('t4', 'on_track', C),
    ];
    const reports = [
      report('t1', 'a', 'accepted', '2026-03-20'),
      report('t2', 'a', 'submitted', '2026-03-27'), // after the 25th: late
      report('t1', 'b', 'returned', '2026-03-25'), // on the due day: on time, not accepted
      report('t4', 'c', 'draft', null), // a draft was never sent
    ];
    const ranking = rankUnitReporting(tasks, reports, '2026-03-25');
    expect(ranking).toEqual([
      {
        rank: 1,
        unitId: 'a',
        name: '医政医管科',
        owed: 2,
        onTime: 1,
        accepted: 1,
        onTimePercent: 50,
        acceptedPercent: 50,
      },
      {
        rank: 2,
        unitId: 'b',
        name: '妇幼健康科',
        owed: 2,
        onTime: 1,
        accepted: 0,
        onTimePercent: 50,
        acceptedPercent: 0,
      },
      {
        rank: 3,
        unitId: 'c',
        name: '规划信息科',
        owed: 1,
        onTime: 0,
        accepted: 0,
        onTimePercent: 0,
        acceptedPercent: 0,
      },
    ]);
  });

  it('owes nothing on a done task unless the unit reported on it, and gives equal shares one rank', () => {
    const tasks = [task('t1', 'done', A), task('t2', 'done', B), task('t3', 'on_track', C)];
    const reports = [
      report('t1', 'a', 'accepted', '2026-03-10'),
      report('t3', 'c', 'accepted', '2026-03-11'),
    ];
    const ranking = rankUnitReporting(tasks, reports, '2026-03-25');
    expect(ranking.map((r) => [r.rank, r.name, r.owed])).toEqual([
      [1, '规划信息科', 1],
      [1, '医政医管科', 1],
    ]);
  });
});
