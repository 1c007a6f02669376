import { describe, expect, it } from 'vitest';
import { parseClauseContent } from '../units/clause.js';
import { NO_CONVENTION } from '../units/role-convention.js';
import { extractTargets } from './extract-targets.js';

const targets = (text: string) =>
  extractTargets(text, { start: 0, end: text.length }, { year: 2026 }).map((t) => [t.metric, t.op, t.value]);

describe('each X builds one Y', () => {
  it('reads 每个…建成1个… as exactly one, and keeps 至少 as a floor', () => {
    expect(targets('每个乡镇建成1个标准化预防接种门诊。')).toEqual([['标准化预防接种门诊', '=', 1]]);
    expect(targets('每个县至少建成2个胸痛中心。')[0]?.[1]).toBe('>=');
  });
});

describe('clause label variants', () => {
  it('reads 主要协作单位 as support after a lead and strips an 等部门单位 tail', () => {
    expect(
      parseClauseContent('牵头单位：妇幼科\n主要协作单位：市妇幼保健院、市儿童医院等部门单位', NO_CONVENTION),
    ).toMatchObject({ lead: ['妇幼科'], support: ['市妇幼保健院', '市儿童医院'] });
  });
});
