import { describe, expect, it } from 'vitest';
import type { TargetOp } from '../plan.js';
import { extractTargets } from './extract-targets.js';
import { readNumber } from './numerals.js';

type Row = [string, TargetOp, number | [number, number], string];

function read(sentence: string): Row[] {
  return extractTargets(sentence, { start: 0, end: sentence.length }, { year: 2026 }).map((t) => [
    t.metric,
    t.op,
    t.value,
    t.unit,
  ]);
}

// Original sentences in the genre: tasks that end in a responsibility clause, spoken-form rates, counts
// that name a scope or sum the plan up.
describe('extractTargets next to responsibility clauses', () => {
  it('takes the metric before 控制在 when a 牵头 clause follows the value', () => {
    expect(read('脑卒中患者入院至溶栓平均时间控制在45分钟以内（医政科牵头，市中心医院配合）。')).toEqual([
      ['脑卒中患者入院至溶栓平均时间', '<=', 45, '分钟'],
    ]);
  });

  it('does not read a 牵头 clause after a count as the thing counted', () => {
    expect(read('年内建成社区医院6家（基层科牵头，各县区卫生健康局配合）。')).toEqual([
      ['社区医院', '>=', 6, '家'],
    ]);
    expect(read('互认检验项目达到120项以上（医政科牵头，市临检中心配合）。')).toEqual([
      ['互认检验项目', '>=', 120, '项'],
    ]);
  });

  it('does not read a units-only 负责 clause after a count as the thing counted', () => {
    const rows = read('完成60岁以上老年人认知功能筛查8000人（市精神卫生中心负责）。');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[0]).not.toMatch(/负责|（/u);
    expect(rows[0]?.slice(1)).toEqual(['>=', 8000, '人']);
  });

  it('starts the metric after a clause printed before it without a 。', () => {
    expect(read('新增床位80张（规划科牵头，县医院配合）院前急救平均反应时间不超过15分钟')).toEqual([
      ['床位', '>=', 80, '张'],
      ['院前急救平均反应时间', '<=', 15, '分钟'],
    ]);
  });

  it('keeps a bracket that is no clause inside the metric', () => {
    expect(read('二级以上医院（含专科医院）平均住院日控制在8天以内。')).toEqual([
      ['二级以上医院（含专科医院）平均住院日', '<=', 8, '天'],
    ]);
  });

  it('keeps a bracketed part of the thing counted', () => {
    expect(read('完成全县120村(居)卫生室标准化改造。')[0]?.slice(1)).toEqual(['>=', 120, '村']);
  });
});

describe('extractTargets on spoken-form rates', () => {
  it('reads 十万分之X as X /10万', () => {
    expect(read('全市孕产妇死亡率控制在十万分之十二以下。')).toEqual([['孕产妇死亡率', '<=', 12, '/10万']]);
  });

  it('reads 千分之X点Y as a decimal ‰ and 百分之X as %', () => {
    expect(read('新生儿死亡率控制在千分之二点八以内，产前筛查率达到百分之八十五以上。')).toEqual([
      ['新生儿死亡率', '<=', 2.8, '‰'],
      ['产前筛查率', '>=', 85, '%'],
    ]);
  });

  it('gives the spoken form the same value and unit as the digit form', () => {
    const spoken = readNumber('十万分之六', 0, 5);
    expect(spoken).toMatchObject({ value: 6, impliedUnit: '/10万', start: 0, end: 5 });
    expect(read('死亡率控制在十万分之六以下')[0]?.slice(2)).toEqual(
      read('死亡率控制在6/10万以下')[0]?.slice(2),
    );
  });
});

describe('extractTargets on DDDs and per-population levels', () => {
  it('reads DDDs in running prose with 以内 and 以下', () => {
    expect(read('门急诊抗菌药物使用强度控制在35DDDs以内，手术预防用药合格率达到85%。')).toEqual([
      ['门急诊抗菌药物使用强度', '<=', 35, 'DDDs'],
      ['手术预防用药合格率', '>=', 85, '%'],
    ]);
  });

  it('reads a level per hundred patient-days and keeps the metric before the level word', () => {
    expect(read('住院患者抗菌药物使用强度控制在每百人天38DDDs以下。')).toEqual([
      ['住院患者抗菌药物使用强度', '<=', 38, 'DDDs'],
    ]);
  });

  it('still reads 每年…一次 as a frequency', () => {
    expect(read('每年开展一次院感专项督查。')).toEqual([]);
  });
});

describe('extractTargets on counts that are not commitments', () => {
  it('reads a count of the plan’s own tasks after 确定/明确 as a summary', () => {
    expect(read('经委党组研究，确定今年重点工作任务15项。')).toEqual([]);
    expect(read('明确重点改革举措20条，逐项抓好落实。')).toEqual([]);
  });

  it('keeps a count of tasks that a verb commits to', () => {
    expect(read('年内完成民生实事项目8项。')).toEqual([['民生实事项目', '>=', 8, '项']]);
  });

  it('reads a count after 与 or 全部 as the scope of an action', () => {
    expect(read('推动县中医院与12家乡镇卫生院建立远程会诊机制。')).toEqual([]);
    expect(read('家庭医生签约服务覆盖全部9个街道。')).toEqual([]);
  });

  it('keeps the comparison word out of a change’s metric', () => {
    expect(read('县域内住院人次同比增长6%。')).toEqual([['县域内住院人次', '>=', 6, '%']]);
  });
});
