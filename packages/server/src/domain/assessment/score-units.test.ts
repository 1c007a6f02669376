import type { AssessmentRules } from '@yaodian/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_RULES } from './default-rules.js';
import type { AssessedReport, AssessmentInput } from './inputs.js';
import { formatPoints, scoreUnits } from './score-units.js';

const rules = (patch: Partial<AssessmentRules> = {}): AssessmentRules => ({
  ...DEFAULT_ASSESSMENT_RULES,
  ...patch,
  deductions: { ...DEFAULT_ASSESSMENT_RULES.deductions, ...patch.deductions },
});

const report = (
  fields: Partial<AssessedReport> & Pick<AssessedReport, 'itemId' | 'periodId'>,
): AssessedReport => ({
  unitId: 'u1',
  percent: 50,
  submittedOn: '2026-03-20',
  acceptedOn: '2026-03-22',
  noSubstanceOn: null,
  actuals: [],
  ...fields,
});

/** Two units: 医政科 leads t1 (with the target 新增托位) and t2; 临水县 leads t3. */
const base: AssessmentInput = {
  asOf: '2026-04-10',
  countsFrom: '2026-02-01',
  rules: rules(),
  units: [
    { id: 'u1', name: '医政医管科', kind: 'department' },
    { id: 'u2', name: '临水县卫生健康局', kind: 'county' },
    { id: 'u3', name: '规划信息科', kind: 'department' },
  ],
  tasks: [
    { id: 't1', title: '建设托育中心', weightKeys: ['t1', 's1'], reportingUnitIds: ['u1'] },
    { id: 't2', title: '推进医共体', weightKeys: ['t2', 's1'], reportingUnitIds: ['u1'] },
    { id: 't3', title: '县级医院提标', weightKeys: ['t3', 's2'], reportingUnitIds: ['u2'] },
  ],
  targets: [
    {
      id: 'g1',
      itemId: 't1',
      metric: '新增托位',
      op: '>=',
      value: 1000,
      lo: null,
      hi: null,
      direction: 'higher',
      baseline: null,
    },
  ],
  periods: [{ id: 'p3', label: '2026年3月', endsOn: '2026-03-31', dueOn: '2026-03-25' }],
  reports: [
    report({ itemId: 't1', periodId: 'p3', percent: 60, actuals: [{ targetId: 'g1', value: 850 }] }),
    report({ itemId: 't2', periodId: 'p3', percent: 40 }),
  ],
  supervision: [],
  evaluations: [],
};

const unit = (input: AssessmentInput, id: string) => {
  const found = scoreUnits(input).find((u) => u.unitId === id);
  if (!found) throw new Error(`unit ${id} not scored`);
  return found;
};
const texts = (input: AssessmentInput, id: string) => unit(input, id).lines.map((l) => l.text);

describe('annual assessment scoring', () => {
  it('explains every point, and the lines add up to the score', () => {
    const u1 = unit(base, 'u1');
    expect(u1.lines.map((l) => l.text)).toEqual([
      '+15：任务「建设托育中心」完成60%（满分25）',
      '+10：任务「推进医共体」完成40%（满分25）',
      '+25.5：目标「新增托位」完成85%（满分30）',
      '+0：领导评价尚未录入（满分20）',
    ]);
    expect(u1.score).toBe(50.5);
    expect(u1.lines.reduce((s, l) => s + l.points, 0)).toBeCloseTo(u1.score, 10);
  });

  it('scores only units that lead a task, ranked overall and among their kind', () => {
    const result = scoreUnits(base);
    expect(result.map((u) => u.unitId)).toEqual(['u1', 'u2']);
    expect(result.map((u) => [u.rank, u.kindRank])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('deducts per period not reported and per period reported late, by the rules’ amounts', () => {
    expect(texts(base, 'u2')).toContain('−10：2026年3月未报（1项任务）');
    const late = {
      ...base,
      reports: [
        ...base.reports,
        report({ itemId: 't3', unitId: 'u2', periodId: 'p3', submittedOn: '2026-03-27' }),
      ],
    };
    expect(texts(late, 'u2')).toContain('−2：2026年3月迟报（1项任务）');
    expect(texts(late, 'u2').some((t) => t.includes('未报'))).toBe(false);
    const harsher = {
      ...base,
      rules: rules({ deductions: { ...base.rules.deductions, missingReport: 15 } }),
    };
    expect(texts(harsher, 'u2')).toContain('−15：2026年3月未报（1项任务）');
  });

  it('owes nothing for a period due before publication, on or after asOf, or for a task already completed', () => {
    expect(texts({ ...base, countsFrom: '2026-04-01' }, 'u2').some((t) => t.includes('未报'))).toBe(false);
    expect(texts({ ...base, asOf: '2026-03-25' }, 'u2').some((t) => t.includes('未报'))).toBe(false);
    const done = {
      ...base,
      periods: [{ id: 'p2', label: '2026年2月', endsOn: '2026-02-28', dueOn: '2026-02-25' }, ...base.periods],
      reports: [
        report({
          itemId: 't3',
          unitId: 'u2',
          periodId: 'p2',
          percent: 100,
          submittedOn: '2026-02-20',
          acceptedOn: '2026-02-21',
        }),
      ],
    };
    expect(texts(done, 'u2').some((t) => t.includes('未报'))).toBe(false);
    expect(texts(done, 'u2')).toContain('+80：任务「县级医院提标」完成100%（满分80）');
  });

  it('counts what happened by asOf only: a later acceptance or submission does not count yet', () => {
    const early = { ...base, asOf: '2026-03-21' };
    expect(texts(early, 'u1')[0]).toBe('+0：任务「建设托育中心」尚无审核通过的进展（满分25）');
  });

  it('deducts for each report returned as without substance, and for each 督办 notice by level', () => {
    const input: AssessmentInput = {
      ...base,
      reports: [
        ...base.reports.slice(1),
        report({ itemId: 't1', periodId: 'p3', noSubstanceOn: '2026-03-23', acceptedOn: null }),
      ],
      supervision: [
        { unitId: 'u1', level: 'yellow', issuedOn: '2026-03-28', number: '督办〔2026〕3号' },
        { unitId: 'u1', level: 'red', issuedOn: '2026-04-05', number: '' },
        { unitId: 'u1', level: 'red', issuedOn: '2026-04-20', number: '督办〔2026〕9号' },
        { unitId: 'u2', level: 'blue', issuedOn: '2026-03-28', number: '' },
      ],
    };
    expect(texts(input, 'u1')).toEqual(
      expect.arrayContaining([
        '−5：任务「建设托育中心」2026年3月报告被退回（无实质内容）',
        '−3：黄色督办（督办〔2026〕3号）',
        '−5：红色督办',
      ]),
    );
    expect(texts(input, 'u1').filter((t) => t.includes('督办'))).toHaveLength(2);
    expect(texts(input, 'u2')).toContain('−2：蓝色督办');
  });

  it('caps the deductions at maxDeduction with a line that gives the excess back', () => {
    const input: AssessmentInput = {
      ...base,
      // Without a floor: the cap alone (u2 earns nothing, so the floor would lift it to 0).
      rules: rules({ maxDeduction: 12, minScore: null }),
      supervision: [
        { unitId: 'u2', level: 'red', issuedOn: '2026-03-28', number: '' },
        { unitId: 'u2', level: 'red', issuedOn: '2026-03-29', number: '' },
      ],
    };
    const u2 = unit(input, 'u2');
    expect(u2.lines.map((l) => l.text)).toContain('+8：扣分以12分为限');
    const deducted = u2.lines.filter(
      (l) => l.kind !== 'completion' && l.kind !== 'target' && l.kind !== 'leader_evaluation',
    );
    expect(deducted.reduce((s, l) => s + l.points, 0)).toBe(-12);
  });

  it('never scores below the floor (0 by default), with a line that says from what it lifted the score', () => {
    const reds = [1, 2, 3, 4, 5].map((k) => ({
      unitId: 'u2',
      level: 'red' as const,
      issuedOn: `2026-03-2${String(k)}`,
      number: '',
    }));
    const input: AssessmentInput = { ...base, supervision: reds };
    // 临水县: March unreported (−10) and five red notices (−25), nothing earned.
    const floored = unit(input, 'u2');
    expect(floored.score).toBe(0);
    expect(floored.lines.at(-1)).toEqual({
      kind: 'floor',
      points: 35,
      text: '+35：保底：各项合计−35分，低于最低分0分，按0分计',
    });
    expect(floored.lines.reduce((s, l) => s + l.points, 0)).toBe(0);
    expect(unit({ ...input, rules: rules({ minScore: 10 }) }, 'u2').score).toBe(10);
    const unfloored = unit({ ...input, rules: rules({ minScore: null }) }, 'u2');
    expect(unfloored.score).toBe(-35);
    expect(unfloored.lines.some((l) => l.kind === 'floor')).toBe(false);
    // A unit above the floor gets no such line.
    expect(unit(input, 'u1').lines.some((l) => l.kind === 'floor')).toBe(false);
  });

  it('gives partial target credit linearly from the baseline, direction-aware', () => {
    const withBaseline = { ...base, targets: base.targets.map((t) => ({ ...t, baseline: 700 })) };
    expect(texts(withBaseline, 'u1')).toContain('+15：目标「新增托位」完成50%（满分30）');
    const lower: AssessmentInput = {
      ...base,
      targets: [
        {
          id: 'g1',
          itemId: 't1',
          metric: '孕产妇死亡率',
          op: '<=',
          value: 10,
          lo: null,
          hi: null,
          direction: 'lower',
          baseline: 20,
        },
      ],
      reports: [
        report({ itemId: 't1', periodId: 'p3', percent: 60, actuals: [{ targetId: 'g1', value: 12 }] }),
      ],
    };
    expect(texts(lower, 'u1')).toContain('+24：目标「孕产妇死亡率」完成80%（满分30）');
  });

  it('weights tasks by their own weight or their section’s, and moves target points to completion when there are no targets', () => {
    const weighted = {
      ...base,
      rules: rules({
        weights: [
          { itemId: 's1', weight: 1 },
          { itemId: 't1', weight: 3 },
        ],
      }),
    };
    expect(texts(weighted, 'u1').slice(0, 2)).toEqual([
      '+22.5：任务「建设托育中心」完成60%（满分37.5）',
      '+5：任务「推进医共体」完成40%（满分12.5）',
    ]);
    expect(texts(base, 'u2')[0]).toBe('+0：所牵头任务无量化指标，指标分30分计入任务完成分');
    expect(texts(base, 'u2')[1]).toBe('+0：任务「县级医院提标」尚无审核通过的进展（满分80）');
  });

  it('adds the leaders’ mean evaluation scaled to its points, and a base score when the rules set one', () => {
    const input: AssessmentInput = {
      ...base,
      rules: rules({ baseScore: 10, leaderEvaluationPoints: 20 }),
      evaluations: [
        { unitId: 'u1', score: 90 },
        { unitId: 'u1', score: 80 },
      ],
    };
    expect(texts(input, 'u1')[0]).toBe('+10：基础分');
    expect(texts(input, 'u1')).toContain('+17：领导评价85分（2位领导，满分20）');
    expect(unit(input, 'u1').score).toBe(77.5);
  });

  it('shares a rank between equal scores (1, 1, 3)', () => {
    const input: AssessmentInput = {
      ...base,
      units: [...base.units, { id: 'u4', name: '云溪区卫生健康局', kind: 'county' }],
      tasks: [
        ...base.tasks,
        { id: 't4', title: '乡镇卫生院达标', weightKeys: ['t4'], reportingUnitIds: ['u4'] },
      ],
    };
    const result = scoreUnits(input);
    expect(result.map((u) => [u.unitName, u.rank, u.kindRank])).toEqual([
      ['医政医管科', 1, 1],
      ['临水县卫生健康局', 2, 1],
      ['云溪区卫生健康局', 2, 1],
    ]);
  });

  it('formats points with at most two decimals', () => {
    expect(formatPoints(8.5)).toBe('8.5');
    expect(formatPoints(-10)).toBe('10');
    expect(formatPoints(1 / 3)).toBe('0.33');
  });
});
