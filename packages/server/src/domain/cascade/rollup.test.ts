import { describe, expect, it } from 'vitest';
import { defaultRollupMethod, meets, rollUp, splitByWeights, type TargetKind } from './rollup.js';

const kind = (fields: Partial<TargetKind>): TargetKind => ({
  metric: '',
  text: '',
  unit: '',
  op: '>=',
  basis: 'level',
  direction: 'higher',
  ...fields,
});

describe('default roll-up method by the target’s kind', () => {
  it('sums counts and amounts, weighs rates and changes in points, and takes the weakest county for every-county lines', () => {
    expect(defaultRollupMethod(kind({ metric: '新增托位', unit: '个', text: '新增托位4000个' }))).toBe('sum');
    expect(defaultRollupMethod(kind({ metric: '财政投入', unit: '亿元' }))).toBe('sum');
    expect(defaultRollupMethod(kind({ metric: '县域内就诊率', unit: '%' }))).toBe('weighted_mean');
    expect(
      defaultRollupMethod(kind({ metric: '孕产妇死亡率', unit: '/10万', op: '<=', direction: 'lower' })),
    ).toBe('weighted_mean');
    expect(defaultRollupMethod(kind({ metric: '达标比例', unit: '个百分点', basis: 'change' }))).toBe(
      'weighted_mean',
    );
    expect(
      defaultRollupMethod(
        kind({ metric: '县级中医医院二甲达标率', unit: '%', text: '县级中医医院全部达到二级甲等水平' }),
      ),
    ).toBe('min');
  });
});

describe('rolling up', () => {
  const values = [
    { value: 80, weight: 50 },
    { value: 70, weight: 30 },
    { value: 60, weight: 20 },
  ];
  it('sums, weighs by the given weights, and takes the weakest county in the target’s direction', () => {
    expect(rollUp('sum', 'higher', values)).toBe(210);
    expect(rollUp('weighted_mean', 'higher', values)).toBeCloseTo((80 * 50 + 70 * 30 + 60 * 20) / 100, 9);
    expect(
      rollUp(
        'weighted_mean',
        'higher',
        values.map((v) => ({ value: v.value })),
      ),
    ).toBe(70);
    expect(rollUp('min', 'higher', values)).toBe(60);
    expect(rollUp('min', 'lower', values)).toBe(80);
  });
  it('has no figure without values, and no float noise in sums', () => {
    expect(rollUp('sum', 'higher', [])).toBeNull();
    expect(rollUp('sum', 'higher', [{ value: 0.1 }, { value: 0.2 }])).toBe(0.3);
  });
});

describe('splitting by weights', () => {
  it('adds up to the total exactly at the total’s precision (largest remainders)', () => {
    const split = splitByWeights(4000, [
      { key: 'a', weight: 3 },
      { key: 'b', weight: 2 },
      { key: 'c', weight: 1 },
    ]);
    expect(split.reduce((s, x) => s + x.value, 0)).toBe(4000);
    expect(split.map((x) => x.value)).toEqual([2000, 1333, 667]);
    const decimals = splitByWeights(2.5, [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
      { key: 'c', weight: 1 },
    ]);
    expect(Math.round(decimals.reduce((s, x) => s + x.value, 0) * 10)).toBe(25);
  });
});

describe('meeting a line', () => {
  it('reads a ceiling as at most and a floor as at least', () => {
    expect(meets('>=', 'higher', 90, 90)).toBe(true);
    expect(meets('>=', 'higher', 89, 90)).toBe(false);
    expect(meets('<=', 'lower', 9, 10)).toBe(true);
    expect(meets('<=', 'lower', 11, 10)).toBe(false);
  });
});
