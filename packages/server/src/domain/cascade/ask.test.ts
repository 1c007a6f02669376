import { describe, expect, it } from 'vitest';
import { askFingerprint, diffAsk, type AskedTarget, type CityAsk } from './ask.js';
import { namesAllCounties } from './scope.js';

const first: AskedTarget = {
  cityTarget: 't1',
  metric: '新增托位',
  op: '>=',
  value: 300,
  lo: null,
  hi: null,
  unit: '个',
  deadline: null,
  deadlineText: null,
  text: '新增托位600个',
};
const ask: CityAsk = {
  title: '发展普惠托育',
  text: '发展普惠托育。',
  deadline: '2026-12-31',
  deadlineText: '年底前',
  targets: [first],
};

describe('a city task as asked of a county', () => {
  it('proposes nothing while the city changed nothing, and names each changed, added and dropped field', () => {
    expect(diffAsk(ask, structuredClone(ask))).toEqual([]);
    const changed: CityAsk = {
      ...ask,
      title: '发展普惠托育服务',
      targets: [
        { ...first, value: 320 },
        { ...first, cityTarget: 't2', metric: '托育机构', text: '新建托育机构10家' },
      ],
    };
    expect(diffAsk(ask, changed)).toEqual([
      { field: 'title', before: '发展普惠托育', after: '发展普惠托育服务' },
      { field: 'target.value', target: '新增托位', before: 300, after: 320 },
      { field: 'target.added', target: '托育机构', before: null, after: '新建托育机构10家' },
    ]);
    expect(diffAsk(changed, ask)).toContainEqual({
      field: 'target.removed',
      target: '托育机构',
      before: '新建托育机构10家',
      after: null,
    });
  });
  it('fingerprints the ask, independent of the order of its targets', () => {
    const two: CityAsk = { ...ask, targets: [...ask.targets, { ...first, cityTarget: 't0' }] };
    const swapped: CityAsk = { ...two, targets: [...two.targets].reverse() };
    expect(askFingerprint(two)).toBe(askFingerprint(swapped));
    expect(askFingerprint(two)).not.toBe(askFingerprint(ask));
  });
});

describe('a clause naming every county', () => {
  it('recognises 各县市区… in its printed forms and nothing narrower', () => {
    for (const name of ['各县市区卫生健康局', '各县（市、区）卫生健康局', '各区县卫健局', '各县区'])
      expect([name, namesAllCounties(name)]).toEqual([name, true]);
    for (const name of ['临水县卫生健康局', '委机关各科室', '各有关单位'])
      expect([name, namesAllCounties(name)]).toEqual([name, false]);
  });
});
