import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';

const targets = (text: string) =>
  extractTargets(text, { start: 0, end: text.length }, { year: 2026 }).map((t) => [
    t.metric,
    t.op,
    t.value,
    t.unit,
  ]);

describe('a past value printed as the base of a change', () => {
  it('reads the change after 较…的X%, not the base', () => {
    expect(targets('居民健康素养水平较2025年的31.2%提高2个百分点。')).toEqual([
      ['居民健康素养水平', '>=', 2, '个百分点'],
    ]);
  });

  it('reads the level after 比上年的X%, not the base', () => {
    expect(targets('孕产妇系统管理率比上年的85%提高到90%。')).toEqual([['孕产妇系统管理率', '>=', 90, '%']]);
  });

  it('keeps the target after 在…X%的基础上, whose year is the base, not a past result', () => {
    expect(targets('儿童健康管理率在2025年88.5%的基础上提高到92%以上。')).toEqual([
      ['儿童健康管理率', '>=', 92, '%'],
    ]);
  });

  it('still reads 比例 as a noun and 在 before a scope as no base', () => {
    expect(targets('住院分娩比例达到99%以上。')).toEqual([['住院分娩比例', '>=', 99, '%']]);
    expect(targets('在6个试点县推行家庭医生签约服务，签约率提高到45%。').map((t) => t[2])).toEqual([45]);
  });
});
