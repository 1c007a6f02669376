import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  docxPart,
  layoutProblems,
  pageSizes,
  pdfText,
  renderPdf,
  type RenderedPdf,
} from '../testing/office-render.js';
import { renderSupervisionNotice, type SupervisionNoticeDoc } from './supervision-notice.js';

const NOTICE: SupervisionNoticeDoc = {
  number: '督办〔2026〕12号',
  level: 'yellow',
  status: 'issued',
  organName: '临江市卫生健康委员会',
  units: ['医政医管科', '临水县卫生健康局'],
  tasks: [
    { number: '（三）', title: '推进紧密型县域医共体建设' },
    { number: null, title: '完善分级诊疗制度' },
  ],
  reason: '2026年11月进展逾期3个工作日未报送，任务进度落后序时进度12个百分点。',
  respondBy: '2026-12-09',
  issuer: '规划信息科',
  issuedOn: '2026-12-02',
  closedOn: null,
};

let bytes: Buffer;
let rendered: RenderedPdf;

beforeAll(async () => {
  bytes = await renderSupervisionNotice(NOTICE);
  rendered = await renderPdf(bytes, 'notice');
}, 240_000);
afterAll(async () => {
  await rendered.cleanup();
});

describe('督办单 (supervision notice) document', () => {
  it('names the official fonts and sizes, and sets A4 with the GB/T 9704 margins in the .docx', () => {
    const xml = docxPart(bytes, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体'])
      expect(xml, font).toContain(`w:eastAsia="${font}"`);
    expect(xml, '二号 title').toContain('<w:sz w:val="44"/>');
    expect(xml, '三号 body').toContain('<w:sz w:val="32"/>');
    expect(docxPart(bytes, 'word/footer1.xml') + docxPart(bytes, 'word/footer2.xml')).toContain(
      'w:eastAsia="宋体"',
    );
  });

  it('prints the number, the level in words and colour, units, tasks, reason, date and blank sign-off rows', async () => {
    const xml = docxPart(bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:color w:val="C89B00"\/>[\s\S]*?黄色督办/);
    const text = (await pdfText(rendered.pdf)).replace(/\s+/g, '');
    for (const expected of [
      '临江市卫生健康委员会',
      '督办〔2026〕12号',
      '督办单',
      '黄色督办',
      '医政医管科、临水县卫生健康局',
      '（三）推进紧密型县域医共体建设',
      '2.完善分级诊疗制度',
      '逾期3个工作日未报送',
      '现予黄色督办。请于2026年12月9日前',
      '签收人：',
      '反馈情况',
      '销号意见',
      '2026年12月2日',
    ])
      expect(text, expected).toContain(expected);
  });

  it('renders on A4 pages with every word inside the margins (LibreOffice → PDF)', async () => {
    expect(await layoutProblems(rendered.pdf)).toEqual([]);
    expect((await pageSizes(rendered.pdf)).length).toBe(1);
  });
});
