import { describe, expect, it } from 'vitest';
import { foldWidth } from '../clean/width.js';
import { assemble } from '../segment/assemble.js';
import { readMeta } from './read-meta.js';

function meta(lines: string[]) {
  const { text, segments } = assemble(lines.map((t) => ({ kind: 'paragraph' as const, text: t })));
  return readMeta(text, segments, foldWidth(text), {}, {}).meta;
}

describe('readMeta on headers of every layout', () => {
  it('reads a year span as year and yearEnd, with the span on the title line or the next', () => {
    const inline = meta(['苍梧市基层卫生能力提升三年行动方案（2025—2027年）', '一、总体目标']);
    expect([inline.title, inline.year, inline.yearEnd]).toEqual([
      '苍梧市基层卫生能力提升三年行动方案（2025—2027年）',
      2025,
      2027,
    ]);
    const below = meta(['苍梧市健康促进行动计划', '（2026—2028年）', '一、总体目标']);
    expect([below.title, below.year, below.yearEnd]).toEqual([
      '苍梧市健康促进行动计划（2026—2028年）',
      2026,
      2028,
    ]);
  });

  it('gives a one-year plan no yearEnd and takes the plan year from a summary-and-plan title', () => {
    const r = meta(['苍梧县卫生健康局2025年工作总结和2026年工作计划', '一、2025年工作总结']);
    expect(r.year).toBe(2026);
    expect('yearEnd' in r).toBe(false);
  });

  it('strips decorative dots and reads an issuer printed alone next to the title', () => {
    const r = meta([
      '· 2026年苍梧县妇幼健康工作计划 ·',
      '苍梧县卫生健康局',
      '2026年，全县妇幼健康工作……',
      '一、主要目标',
    ]);
    expect([r.title, r.issuer, r.region]).toEqual([
      '2026年苍梧县妇幼健康工作计划',
      '苍梧县卫生健康局',
      '苍梧县',
    ]);
  });

  it('reads issuer, document number and date from a bracketed byline under the title', () => {
    const r = meta([
      '苍梧市2026年卫生健康重点工作安排',
      '（苍卫发〔2026〕5号　2026年2月3日）',
      '一、重点工作',
    ]);
    expect([r.docNumber, r.issuedOn]).toEqual(['苍卫发〔2026〕5号', '2026-02-03']);
  });

  it('finds a notice whose issuer stands before 关于, and no document number among the recipients', () => {
    const r = meta([
      '苍梧市人民政府办公室关于印发苍梧市护理服务提升行动方案的通知',
      '苍政办发〔2026〕4号',
      '各区县人民政府，市政府各部门：',
      '现将《苍梧市护理服务提升行动方案》印发给你们，请认真组织实施。',
      '苍梧市人民政府办公室',
      '2026年3月1日',
      '苍梧市护理服务提升行动方案',
      '一、工作目标',
    ]);
    expect([r.title, r.docNumber, r.recipients]).toEqual([
      '苍梧市护理服务提升行动方案',
      '苍政办发〔2026〕4号',
      ['各区县人民政府', '市政府各部门'],
    ]);
  });
});

describe('region inside a 健康X name', () => {
  it('takes the district printed by the issuer, not its city', () => {
    const r = meta(['苍梧市青溪区卫生健康局', '健康青溪行动（2025—2027年）实施方案', '一、总体目标']);
    expect([r.region, r.issuer, r.year, r.yearEnd]).toEqual(['青溪区', '苍梧市青溪区卫生健康局', 2025, 2027]);
  });
});
