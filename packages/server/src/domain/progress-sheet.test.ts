import { describe, expect, it } from 'vitest';
import { contentWithoutClause, targetLine } from './progress-sheet.js';

describe('contentWithoutClause', () => {
  it('drops a bracketed clause that ends the text, keeping the sentence before it', () => {
    expect(
      contentWithoutClause(
        '完善城市医疗集团运行机制。6月底前出台章程。（体改科牵头，医政医管科、规划信息科配合）',
      ),
    ).toBe('完善城市医疗集团运行机制。6月底前出台章程。');
  });

  it('keeps the full stop that followed the clause', () => {
    expect(contentWithoutClause('提升县域医共体建设质效（基层卫生科牵头，体改科、财务科配合）。')).toBe(
      '提升县域医共体建设质效。',
    );
  });

  it('drops a labelled clause at the end', () => {
    expect(contentWithoutClause('加强临床专科建设。牵头单位：医政医管科；配合单位：科教科')).toBe(
      '加强临床专科建设。',
    );
  });

  it('leaves text without a clause, or whose clause is not at its end, or that is only a clause', () => {
    expect(contentWithoutClause('推进紧密型县域医共体建设。')).toBe('推进紧密型县域医共体建设。');
    expect(contentWithoutClause('由医政医管科牵头，规划信息科配合，年底前完成。')).toBe(
      '由医政医管科牵头，规划信息科配合，年底前完成。',
    );
    expect(contentWithoutClause('以市人民医院为牵头医院，建成2个城市医疗集团。')).toBe(
      '以市人民医院为牵头医院，建成2个城市医疗集团。',
    );
  });
});

describe('targetLine', () => {
  it('prints ≥ / ≤ / ≈ and ranges, never ASCII >= or <=', () => {
    const base = { lo: null, hi: null };
    expect(targetLine({ ...base, metric: '县域内就诊率', op: '>=', value: 90, unit: '%' })).toBe(
      '县域内就诊率 ≥ 90%',
    );
    expect(targetLine({ ...base, metric: '孕产妇死亡率', op: '<=', value: 9, unit: '/10万' })).toBe(
      '孕产妇死亡率 ≤ 9/10万',
    );
    expect(targetLine({ ...base, metric: '签约率', op: '~', value: 80, unit: '%' })).toBe('签约率 ≈ 80%');
    expect(targetLine({ ...base, metric: '床位数', op: '=', value: 500, unit: '张' })).toBe('床位数 500张');
    expect(targetLine({ metric: '比例', op: 'range', value: null, lo: 18, hi: 20, unit: '%' })).toBe(
      '比例 18–20%',
    );
  });
});
