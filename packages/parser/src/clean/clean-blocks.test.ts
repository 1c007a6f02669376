import { describe, expect, it } from 'vitest';
import type { Block } from '../load/document.js';
import { cleanBlocks } from './clean-blocks.js';

const paragraphs = (...lines: string[]): Block[] => lines.map((text) => ({ kind: 'paragraph', text }));
const keptText = (blocks: Block[]): string[] =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

describe('cleanBlocks', () => {
  it('drops a portal metadata block and reads its publication date, issuer and document number', () => {
    const result = cleanBlocks(
      paragraphs(
        '返回首页 > 信息公开 > 部门文件',
        '索 引 号 11340800/202603-00021 信息分类 部门文件',
        '发布机构 临江市卫生健康委 发布日期 2026-03-05 10:20:11',
        '文 号 临卫发〔2026〕7号 有 效 性 有效',
        '2026年临江市卫生健康工作要点',
        '一、加强公共卫生体系建设。',
      ),
    );
    expect(keptText(result.blocks)).toEqual(['2026年临江市卫生健康工作要点', '一、加强公共卫生体系建设。']);
    expect(result.portal.publishedOn).toBe('2026-03-05 10:20:11');
    expect(result.portal.issuer).toBe('临江市卫生健康委');
    expect(result.portal.docNumber).toBe('临卫发〔2026〕7号');
  });

  it('drops footers, share prompts and download links at the end of a page', () => {
    const result = cleanBlocks(
      paragraphs(
        '一、推进分级诊疗。',
        '二、加强人才队伍建设。',
        '附件：2026年工作要点.docx 下载',
        '扫一扫在手机打开当前页',
        '主办单位：临江市人民政府办公室 运行维护：市大数据中心',
        '地址：临江市滨江大道8号 电话：0000-1234567',
        '网站标识码：3400000000 皖ICP备00000000号',
      ),
    );
    expect(keptText(result.blocks)).toEqual(['一、推进分级诊疗。', '二、加强人才队伍建设。']);
    expect(result.dropped.map((d) => d.kind)).toEqual(['download', 'share', 'footer', 'footer', 'footer']);
  });

  it('drops a template-site banner with its URL and promotional lines', () => {
    const result = cleanBlocks(
      paragraphs(
        '某某范文网：www.fanwen-example.com2026年全县卫生健康工作计划2026年，全县卫生健康工作',
        '本站小编为你精心准备了工作计划参考范文，欢迎阅读',
        '2026年全县卫生健康工作计划',
        '一、巩固基层服务能力。',
      ),
    );
    expect(keptText(result.blocks)).toEqual(['2026年全县卫生健康工作计划', '一、巩固基层服务能力。']);
  });

  it('drops a title that the page prints again, broken over two lines', () => {
    const result = cleanBlocks(
      paragraphs(
        '关于印发2026年全市卫生健康工作要点的通知',
        '关于印发2026年全市卫生健康',
        '工作要点的通知',
        '各县（区）卫生健康委：',
      ),
    );
    expect(keptText(result.blocks)).toEqual([
      '关于印发2026年全市卫生健康工作要点的通知',
      '各县（区）卫生健康委：',
    ]);
  });

  it('keeps plan sentences that merely mention a source or an address', () => {
    const lines = ['一、完善信息来源渠道，拓展报告渠道。', '二、做好地址变更后的机构校验工作。'];
    expect(keptText(cleanBlocks(paragraphs(...lines)).blocks)).toEqual(lines);
  });

  it('drops the colophon and page numbers of an official document', () => {
    const result = cleanBlocks(
      paragraphs(
        '一、推进分级诊疗。',
        '— 2 —',
        '二、加强人才队伍建设。',
        '抄送：县人民政府办公室，市卫生健康委员会。',
        '青山县卫生健康局办公室  2026年3月10日印发',
      ),
    );
    expect(keptText(result.blocks)).toEqual(['一、推进分级诊疗。', '二、加强人才队伍建设。']);
    expect(result.dropped.map((d) => d.kind)).toEqual(['page_number', 'colophon', 'colophon']);
  });

  it('keeps a signature that repeats the issuer named in the header', () => {
    const result = cleanBlocks(
      paragraphs('青山县卫生健康局', '关于印发工作要点的通知', '青山县卫生健康局', '2026年3月9日'),
    );
    expect(keptText(result.blocks)).toEqual([
      '青山县卫生健康局',
      '关于印发工作要点的通知',
      '青山县卫生健康局',
      '2026年3月9日',
    ]);
  });
});
