import { DEFAULT_SUPERVISION_RULES, type SupervisionRules } from '@yaodian/core';
import { describe, expect, it } from 'vitest';
import {
  dueForEscalation,
  evaluateSupervisionRules,
  linearFit,
  nextLevel,
  projectedAt,
  supervisionNumber,
  type RuleInput,
  type RuleTask,
} from './supervision-rules.js';

const OFF: SupervisionRules = {
  ...DEFAULT_SUPERVISION_RULES,
  overdue: { ...DEFAULT_SUPERVISION_RULES.overdue, enabled: false },
  behind: { ...DEFAULT_SUPERVISION_RULES.behind, enabled: false },
  stale: { ...DEFAULT_SUPERVISION_RULES.stale, enabled: false },
  returns: { ...DEFAULT_SUPERVISION_RULES.returns, enabled: false },
  trajectory: { ...DEFAULT_SUPERVISION_RULES.trajectory, enabled: false },
};

const periods = [
  { id: 'p3', label: '2026年3月', endsOn: '2026-03-31', dueOn: '2026-03-25' },
  { id: 'p4', label: '2026年4月', endsOn: '2026-04-30', dueOn: '2026-04-24' },
  { id: 'p5', label: '2026年5月', endsOn: '2026-05-31', dueOn: '2026-05-25' },
];

const task = (over: Partial<RuleTask> = {}): RuleTask => ({
  itemId: 'task',
  number: '1.',
  title: '推进医共体建设',
  deadline: '2026-12-31',
  done: false,
  reportingUnitIds: ['u1'],
  reports: [],
  targets: [],
  ...over,
});

function run(only: Partial<SupervisionRules>, today: string, t: RuleTask) {
  const input: RuleInput = {
    today,
    yearStart: '2026-01-01',
    yearEnd: '2026-12-31',
    rules: { ...OFF, ...only },
    periods,
    tasks: [t],
  };
  return evaluateSupervisionRules(input);
}

const accepted = (periodId: string, percent: number) => ({
  unitId: 'u1',
  periodId,
  state: 'accepted' as const,
  percent,
});

describe('overdue rule (working days after the due date)', () => {
  const rule = { overdue: { enabled: true, level: 'yellow' as const, workingDays: 3 } };
  const reported = task({ reports: [accepted('p3', 20), accepted('p4', 30)] });

  it('fires once the period is owed for N working days (5-25 Mon → 5-28 Thu)', () => {
    const found = run(rule, '2026-05-28', reported);
    expect(found).toMatchObject([{ rule: 'overdue', key: 'overdue:task:u1', level: 'yellow', unitId: 'u1' }]);
    expect(found[0]?.reason).toContain('2026年5月');
  });
  it('does not fire within the grace, nor when the report was submitted', () => {
    expect(run(rule, '2026-05-27', reported)).toEqual([]);
    const sent = task({
      reports: [...reported.reports, { unitId: 'u1', periodId: 'p5', state: 'submitted', percent: 40 }],
    });
    expect(run(rule, '2026-06-10', sent)).toEqual([]);
  });
  it('does not fire for a finished task', () => {
    expect(run(rule, '2026-06-10', task({ done: true }))).toEqual([]);
  });
});

describe('behind rule (序时进度)', () => {
  const rule = { behind: { enabled: true, level: 'blue' as const, points: 20 } };
  it('fires when accepted progress is X points below the elapsed share', () => {
    // 2026-07-02 is half way through the year: 50 % expected, 20 % reported.
    const found = run(rule, '2026-07-02', task({ reports: [accepted('p5', 20)] }));
    expect(found).toMatchObject([{ rule: 'behind', key: 'behind:task:u1' }]);
    expect(found[0]?.reason).toContain('落后序时进度');
  });
  it('does not fire within X points', () => {
    expect(run(rule, '2026-07-02', task({ reports: [accepted('p5', 35)] }))).toEqual([]);
  });
});

describe('stale rule', () => {
  const rule = { stale: { enabled: true, level: 'blue' as const, periods: 2 } };
  it('fires with no accepted report for K closed periods, though no deadline passed', () => {
    const found = run(rule, '2026-05-26', task({ reports: [accepted('p3', 20)] }));
    expect(found).toMatchObject([{ rule: 'stale', key: 'stale:task:u1' }]);
  });
  it('does not fire with an accepted report among the last K', () => {
    expect(run(rule, '2026-05-26', task({ reports: [accepted('p5', 20)] }))).toEqual([]);
  });
  const target = (values: number[]) => ({
    id: 'tg',
    metric: '签约率',
    op: '>=' as const,
    value: 80,
    lo: null,
    hi: null,
    direction: 'higher' as const,
    deadline: null,
    actuals: values.map((value, i) => ({ unitId: 'u1', endsOn: periods[i]?.endsOn ?? '', value })),
  });
  const reports = [accepted('p3', 20), accepted('p4', 30), accepted('p5', 40)];
  it("fires when a target's accepted value has not changed for K periods and is not met", () => {
    const found = run(rule, '2026-05-26', task({ reports, targets: [target([60, 60, 60])] }));
    expect(found).toMatchObject([{ rule: 'stale', key: 'stale:task:u1:tg' }]);
  });
  it('does not fire when the value moved, or holds at the goal', () => {
    expect(run(rule, '2026-05-26', task({ reports, targets: [target([60, 60, 61])] }))).toEqual([]);
    expect(run(rule, '2026-05-26', task({ reports, targets: [target([85, 85, 85])] }))).toEqual([]);
  });
});

describe('returns rule', () => {
  const rule = { returns: { enabled: true, level: 'yellow' as const, count: 2 } };
  const returned = (periodId: string) => ({
    unitId: 'u1',
    periodId,
    state: 'returned' as const,
    percent: 10,
  });
  it('fires when the last two reports were returned', () => {
    const found = run(
      rule,
      '2026-06-01',
      task({ reports: [accepted('p3', 10), returned('p4'), returned('p5')] }),
    );
    expect(found).toMatchObject([{ rule: 'returns', key: 'returns:task:u1', level: 'yellow' }]);
  });
  it('does not fire when a return is followed by an accepted report', () => {
    expect(
      run(rule, '2026-06-01', task({ reports: [returned('p3'), returned('p4'), accepted('p5', 30)] })),
    ).toEqual([]);
  });
});

describe('trajectory rule (least squares to the deadline)', () => {
  const rule = { trajectory: { enabled: true, level: 'blue' as const, minPoints: 3 } };
  const target = (values: number[], over: object = {}) => ({
    id: 'tg',
    metric: '签约率',
    op: '>=' as const,
    value: 80,
    lo: null,
    hi: null,
    direction: 'higher' as const,
    deadline: '2026-12-31',
    actuals: values.map((value, i) => ({ unitId: 'u1', endsOn: periods[i]?.endsOn ?? '', value })),
    ...over,
  });
  it('fires when the line through three actuals misses the goal at the deadline', () => {
    const found = run(rule, '2026-06-01', task({ targets: [target([50, 51, 52])] }));
    expect(found).toMatchObject([{ rule: 'trajectory', key: 'trajectory:task:u1:tg' }]);
    expect(found[0]?.reason).toContain('2026-12-31');
  });
  it('does not fire on a line that reaches the goal, nor with only two points', () => {
    expect(run(rule, '2026-06-01', task({ targets: [target([50, 56, 62])] }))).toEqual([]);
    expect(run(rule, '2026-06-01', task({ targets: [target([10, 11])] }))).toEqual([]);
  });
  it('reads the direction: a falling rate under a ceiling is on course, a rising one is not', () => {
    const ceiling = { op: '<=' as const, value: 10, direction: 'lower' as const };
    expect(run(rule, '2026-06-01', task({ targets: [target([14, 13, 12], ceiling)] }))).toEqual([]);
    expect(run(rule, '2026-06-01', task({ targets: [target([9, 9.5, 10], ceiling)] }))).toHaveLength(1);
  });
});

describe('ladder and numbers', () => {
  it('fits a line exactly through collinear points', () => {
    expect(
      linearFit([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toEqual({ slope: 2, intercept: 1 });
    expect(projectedAt([{ endsOn: '2026-01-01', value: 1 }], '2026-12-31', 3)).toBeNull();
  });
  it('escalates 蓝→黄→红 after the response date while the unit has not responded', () => {
    expect(nextLevel('blue')).toBe('yellow');
    expect(nextLevel('red')).toBeNull();
    expect(
      dueForEscalation({ status: 'signed', level: 'yellow', responseDue: '2026-06-01' }, '2026-06-02'),
    ).toBe(true);
    expect(
      dueForEscalation({ status: 'signed', level: 'yellow', responseDue: '2026-06-01' }, '2026-06-01'),
    ).toBe(false);
    expect(
      dueForEscalation({ status: 'responded', level: 'blue', responseDue: '2026-06-01' }, '2026-06-09'),
    ).toBe(false);
    expect(
      dueForEscalation({ status: 'issued', level: 'red', responseDue: '2026-06-01' }, '2026-06-09'),
    ).toBe(false);
  });
  it('numbers a notice in the official form', () => {
    expect(supervisionNumber(2026, 12)).toBe('督办〔2026〕12号');
  });
});
