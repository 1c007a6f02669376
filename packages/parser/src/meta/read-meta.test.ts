import { describe, expect, it } from 'vitest';
import { foldWidth } from '../clean/width.js';
import { assemble } from '../segment/assemble.js';
import { readMeta } from './read-meta.js';

function meta(lines: string[], portal = {}) {
  const { text, segments } = assemble(lines.map((t) => ({ kind: 'paragraph' as const, text: t })));
  return { ...readMeta(text, segments, foldWidth(text), portal, {}), lines };
}

describe('readMeta', () => {
  it('reads a notice wrapper: number, recipients, issuer and date; the body starts after the plan title', () => {
    const r = meta([
      '临卫发〔2026〕3号',
      '关于印发《2026年临江市卫生健康工作要点》的通知',
      '各县（市、区）卫生健康局，委机关各科室，委直属各单位：',
      '现将《2026年临江市卫生健康工作要点》印发给你们，请认真贯彻落实。',
      '附件：1.2026年临江市卫生健康工作要点',
      '2.2026年重点工作任务推进表',
      '临江市卫生健康委员会',
      '2026年2月16日',
      '2026年临江市卫生健康工作要点',
      '一、加强党的建设',
    ]);
    expect(r.meta).toEqual({
      title: '2026年临江市卫生健康工作要点',
      year: 2026,
      region: '临江市',
      issuer: '临江市卫生健康委员会',
      issuedOn: '2026-02-16',
      publishedOn: null,
      docNumber: '临卫发〔2026〕3号',
      recipients: ['各县（市、区）卫生健康局', '委机关各科室', '委直属各单位'],
    });
    expect(r.lines[r.bodyStart]).toBe('一、加强党的建设');
  });

  it('takes the first line as the title when there is no notice, and the portal date as publication date', () => {
    const r = meta(
      ['2026年青山县卫生健康重点工作任务及分工方案', '为推进全年工作，特制定本方案。', '一、总体要求'],
      {
        publishedOn: '2026-04-01',
        source: '县卫健局',
      },
    );
    expect(r.meta.issuer).toBeNull();
    expect(r.meta.title).toBe('2026年青山县卫生健康重点工作任务及分工方案');
    expect(r.meta.region).toBe('青山县');
    expect(r.meta.publishedOn).toBe('2026-04-01');
    expect(r.bodyStart).toBe(1);
  });

  it('gives no region when the place is anonymised or not printed', () => {
    expect(meta(['2026年xx市卫生健康工作要点', '一、甲']).meta.region).toBeNull();
    expect(meta(['县卫健委2026年工作计划', '一、甲']).meta.region).toBeNull();
  });

  it('joins a title broken over two lines', () => {
    expect(meta(['2026年全市卫生健康重点', '工作任务及分工方案', '一、甲']).meta.title).toBe(
      '2026年全市卫生健康重点工作任务及分工方案',
    );
  });

  it('ends the body before a closing signature', () => {
    const r = meta([
      '2026年全县卫生健康工作计划',
      '一、甲。',
      '二、乙。',
      '青山县卫生健康局',
      '2026年1月20日',
    ]);
    expect(r.bodyEnd).toBe(3);
    expect(r.meta.issuer).toBe('青山县卫生健康局');
    expect(r.meta.issuedOn).toBe('2026-01-20');
  });

  it('does not join a document number, signature or date into the title', () => {
    expect(meta(['临卫疾控发〔2026〕2号', '临江市2026年疾病预防控制工作计划', '一、甲']).meta.title).toBe(
      '临江市2026年疾病预防控制工作计划',
    );
    const r = meta([
      '各区卫生健康局，委属各单位：',
      '临江市卫生健康委员会',
      '2026年4月8日',
      '临江市2026年卫生健康行动方案',
      '第一章 总体要求',
    ]);
    expect(r.meta.title).toBe('临江市2026年卫生健康行动方案');
    expect(r.meta.recipients).toEqual(['各区卫生健康局', '委属各单位']);
    expect(r.meta.issuer).toBe('临江市卫生健康委员会');
  });

  it('reads a 主送 line under the title as the recipients', () => {
    const r = meta([
      '临江市2026年疾病预防控制工作计划',
      '主送：各县（市、区）卫生健康局，市卫生健康综合监督执法支队',
      '一、甲',
    ]);
    expect(r.meta.recipients).toEqual(['各县（市、区）卫生健康局', '市卫生健康综合监督执法支队']);
    expect(r.lines[r.bodyStart]).toBe('一、甲');
  });

  it('keeps a bracketed note and an attachment number out of the title', () => {
    const r = meta(['（此件公开发布）', '附件1', '2026年全市卫生健康重点工作安排', '一、甲']);
    expect(r.meta.title).toBe('2026年全市卫生健康重点工作安排');
  });
});
