import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';
import { indicatorColonBefore } from './indicator-line.js';

function read(text: string): [string, string, number | [number, number], string][] {
  return extractTargets(text, { start: 0, end: text.length }, { year: 2027 }).map((t) => [
    t.metric,
    t.op,
    t.value,
    t.unit,
  ]);
}

describe('indicator lines (指标：值)', () => {
  it('reads a 主要指标 list line by line, with = where no comparison is printed', () => {
    const list = [
      '（一）主要指标',
      '1.城乡居民人均预期寿命：80.3岁',
      '2.5岁以下儿童死亡率：≤5.5‰',
      '3.甲乙类法定传染病报告发病率：210/10万以下',
      '4.每千人口注册护士数：3.9人',
      '5.三级公立医院平均住院日：≤7.5天',
      '6.县域内住院量占比：≥88%',
      '7.公立医院医疗服务收入占比：35%～40%',
      '8.二级以上医院院感监测覆盖率：100%。',
    ].join('\n');
    expect(read(list)).toEqual([
      ['城乡居民人均预期寿命', '=', 80.3, '岁'],
      ['5岁以下儿童死亡率', '<=', 5.5, '‰'],
      ['甲乙类法定传染病报告发病率', '<=', 210, '/10万'],
      ['每千人口注册护士数', '=', 3.9, '人'],
      ['三级公立医院平均住院日', '<=', 7.5, '天'],
      ['县域内住院量占比', '>=', 88, '%'],
      ['公立医院医疗服务收入占比', 'range', [35, 40], '%'],
      ['二级以上医院院感监测覆盖率', '=', 100, '%'],
    ]);
  });

  it('reads several indicators on one line separated by ；, and a note in brackets after the value', () => {
    expect(read('孕产妇系统管理率：93%以上；高血压患者规范管理率：70%（约束性）；')).toEqual([
      ['孕产妇系统管理率', '>=', 93, '%'],
      ['高血压患者规范管理率', '=', 70, '%'],
    ]);
  });

  it('takes the numbering marker off the metric in its usual shapes', () => {
    expect(read('（3）居民健康素养水平：36%')).toEqual([['居民健康素养水平', '=', 36, '%']]);
    expect(read('③婴儿死亡率：4‰以下')).toEqual([['婴儿死亡率', '<=', 4, '‰']]);
  });

  it('does not read a field label, a date, a phone number or a bare code as an indicator', () => {
    expect(read('完成时限：9月底前')).toEqual([]);
    expect(read('办结时限：5个工作日')).toEqual([]);
    expect(read('联系电话：0739-8812345')).toEqual([]);
    expect(read('责任科室：医政科')).toEqual([]);
    expect(read('邮政编码：422000')).toEqual([]);
    expect(read('服务热线：12320')).toEqual([]);
  });

  it('does not take 岁 as a unit when a noun follows the age after the colon', () => {
    expect(read('服务对象：65岁以上老年人')).toEqual([]);
  });

  it('leaves a value that does not follow the colon to the ordinary reading', () => {
    expect(read('年度目标：全县婴儿死亡率控制在5‰以内。')).toEqual([['婴儿死亡率', '<=', 5, '‰']]);
  });
});

describe('indicatorColonBefore', () => {
  it('finds the colon before a value, with or without a sign between', () => {
    expect(indicatorColonBefore('婴儿死亡率：4‰', 6, 0)).toBe(5);
    expect(indicatorColonBefore('婴儿死亡率：≤4‰', 7, 0)).toBe(5);
  });

  it('rejects a time or a ratio (a digit before the colon)', () => {
    expect(indicatorColonBefore('10:30', 3, 0)).toBe(-1);
    expect(indicatorColonBefore('医护比1:1.2', 6, 0)).toBe(-1);
  });
});
