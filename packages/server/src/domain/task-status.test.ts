import { describe, expect, it } from 'vitest';
import {
  computeTaskStatus,
  elapsedPercent,
  offCourse,
  type StatusInput,
  type StatusTarget,
} from './task-status.js';

const base: StatusInput = {
  today: '2026-05-01',
  startsOn: '2026-01-01',
  deadline: '2026-12-31',
  reportingUnitIds: ['u1'],
  reports: [],
  closedPeriodIds: [],
  targets: [],
  milestones: [],
  thresholds: { behindPoints: 20, atRiskPoints: 10 },
};
const report = (
  percent: number,
  state: 'submitted' | 'accepted' | 'draft' = 'accepted',
  periodId = 'p1',
) => ({ unitId: 'u1', periodId, state, percent, periodEndsOn: '2026-04-30' });

describe('task status', () => {
  it('computes elapsed time as a share of the task’s span', () => {
    expect(elapsedPercent('2026-01-01', '2026-12-31', '2026-07-02')).toBe(50);
    expect(elapsedPercent('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
  });

  it('is done with an accepted report at 100%, even after the deadline', () => {
    expect(computeTaskStatus({ ...base, today: '2027-01-05', reports: [report(100)] }).status).toBe('done');
  });

  it('is overdue once the deadline has passed without completion', () => {
    const result = computeTaskStatus({ ...base, deadline: '2026-03-31', reports: [report(80)] });
    expect(result).toMatchObject({ status: 'overdue', percent: 80 });
    expect(result.reason).toContain('2026-03-31');
  });

  it('is behind when a closed period has no accepted report', () => {
    const result = computeTaskStatus({
      ...base,
      closedPeriodIds: ['p1', 'p2'],
      reports: [report(40, 'accepted', 'p1'), report(45, 'submitted', 'p2')],
    });
    expect(result.status).toBe('behind');
    expect(result.reason).toContain('1个');
  });

  it('is behind when progress trails elapsed time by more than 20 points, at risk between 10 and 20', () => {
    // 2026-05-01 is 33% of the year.
    expect(computeTaskStatus({ ...base, reports: [report(10)] }).status).toBe('behind');
    expect(computeTaskStatus({ ...base, reports: [report(20)] }).status).toBe('at_risk');
    expect(computeTaskStatus({ ...base, reports: [report(30)] }).status).toBe('on_track');
  });

  it('uses the plan’s own thresholds', () => {
    const strict = { behindPoints: 5, atRiskPoints: 2 };
    expect(computeTaskStatus({ ...base, thresholds: strict, reports: [report(25)] }).status).toBe('behind');
  });

  it('is at risk when a ceiling target’s latest actual is above it', () => {
    const target: StatusTarget = {
      metric: '孕产妇死亡率',
      op: '<=',
      value: 10,
      lo: null,
      hi: null,
      direction: 'lower',
      baseline: null,
      latestActual: 12.5,
    };
    const result = computeTaskStatus({ ...base, reports: [report(40)], targets: [target] });
    expect(result.status).toBe('at_risk');
    expect(result.reason).toContain('孕产妇死亡率');
    expect(
      computeTaskStatus({ ...base, reports: [report(40)], targets: [{ ...target, latestActual: 8 }] }).status,
    ).toBe('on_track');
  });

  it('judges a higher-is-better target against its pro-rata course from the baseline', () => {
    const target: StatusTarget = {
      metric: '签约率',
      op: '>=',
      value: 80,
      lo: null,
      hi: null,
      direction: 'higher',
      baseline: 60,
      latestActual: 64,
    };
    expect(offCourse(target, 50)).toBe(true);
    expect(offCourse({ ...target, latestActual: 71 }, 50)).toBe(false);
  });

  it('counts accepted reports only: a submitted or returned 60% leaves the task where the accepted figures put it', () => {
    const accepted = computeTaskStatus({ ...base, reports: [report(30, 'accepted', 'p1')] });
    for (const state of ['submitted', 'returned'] as const) {
      const result = computeTaskStatus({
        ...base,
        reports: [report(30, 'accepted', 'p1'), { ...report(60, 'accepted', 'p2'), state }],
      });
      expect([state, result.status, result.percent]).toEqual([state, accepted.status, 30]);
    }
    expect(
      computeTaskStatus({ ...base, reports: [{ ...report(60), state: 'returned' }] }).percent,
    ).toBeNull();
  });

  it('is not started without any submitted report, and ignores drafts', () => {
    expect(computeTaskStatus({ ...base, today: '2026-01-20' }).status).toBe('not_started');
    expect(computeTaskStatus({ ...base, today: '2026-01-20', reports: [report(50, 'draft')] }).status).toBe(
      'not_started',
    );
    expect(computeTaskStatus({ ...base, today: '2026-02-20' }).status).toBe('not_started');
    expect(computeTaskStatus({ ...base, today: '2026-03-31' }).status).toBe('behind');
  });

  describe('milestones', () => {
    const topOut = { name: '主体封顶', plannedOn: '2026-04-30', actualOn: null };

    it('is behind (red) once a milestone’s planned date passed without a confirmed actual date, whatever the progress', () => {
      const result = computeTaskStatus({ ...base, reports: [report(60)], milestones: [topOut] });
      expect(result).toMatchObject({ status: 'behind', code: 'milestone_missed', percent: 60 });
      expect(result.reason).toBe('里程碑“主体封顶”计划2026-04-30完成，尚未完成');
    });

    it('is not missed on its planned day, nor once its actual date is confirmed (late or not)', () => {
      const onTheDay = { ...topOut, plannedOn: '2026-05-01' };
      expect(computeTaskStatus({ ...base, reports: [report(40)], milestones: [onTheDay] }).code).toBe(
        'on_pace',
      );
      const reachedLate = { ...topOut, actualOn: '2026-05-01' };
      expect(computeTaskStatus({ ...base, reports: [report(40)], milestones: [reachedLate] }).code).toBe(
        'on_pace',
      );
    });

    it('names the earliest missed milestone, and yields to done and overdue', () => {
      const start = { name: '开工', plannedOn: '2026-03-01', actualOn: null };
      expect(computeTaskStatus({ ...base, milestones: [topOut, start] }).reason).toContain('开工');
      expect(computeTaskStatus({ ...base, reports: [report(100)], milestones: [topOut] }).status).toBe(
        'done',
      );
      expect(computeTaskStatus({ ...base, deadline: '2026-04-01', milestones: [topOut] }).code).toBe(
        'deadline_passed',
      );
    });
  });
});
