import { describe, expect, it } from 'vitest';
import type { Block } from '../load/document.js';
import { splitRunOnParagraphs } from './run-on.js';

const para = (text: string): Block => ({ kind: 'paragraph', text });
const texts = (blocks: readonly Block[]): string[] =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

describe('splitRunOnParagraphs', () => {
  it('cuts a run-on paragraph before each heading that continues the numbering', () => {
    const out = splitRunOnParagraphs([
      para(
        '为做好全年工作，制定本计划。一、目标任务（一）稳定队伍。第1季度完成招聘，人数增加1.5万人。（二）提升能力。占比提高3个百分点。二、具体措施1.加强培训。开展一、二级手术培训。2.完善考核。',
      ),
    ]);
    expect(texts(out)).toEqual([
      '为做好全年工作，制定本计划。',
      '一、目标任务',
      '（一）稳定队伍。第1季度完成招聘，人数增加1.5万人。',
      '（二）提升能力。占比提高3个百分点。',
      '二、具体措施',
      '1.加强培训。开展一、二级手术培训。',
      '2.完善考核。',
    ]);
  });

  it('leaves a paragraph alone when its inner numbers form no sequence', () => {
    const text =
      '全年完成1.2万人次筛查，第2季度开展（一）类督查，3.提高覆盖面，各县（区）全部覆盖，持续推进相关工作落实落细。';
    expect(texts(splitRunOnParagraphs([para(text)]))).toEqual([text]);
  });

  it('continues the numbering of earlier paragraphs and cuts at lost line breaks', () => {
    const out = splitRunOnParagraphs([
      para('一、总体要求'),
      para(
        '（一）基本原则。坚持预防为主。（二）工作目标 到年底，覆盖率达到90% — 2 — 以上。二、保障措施 各单位要加强组织领导，按期报送进展情况。',
      ),
    ]);
    expect(texts(out)).toEqual([
      '一、总体要求',
      '（一）基本原则。坚持预防为主。',
      '（二）工作目标',
      '到年底，覆盖率达到90%以上。',
      '二、保障措施',
      '各单位要加强组织领导，按期报送进展情况。',
    ]);
  });
});
