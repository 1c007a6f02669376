import { describe, expect, it } from 'vitest';
import type { Block } from '../load/document.js';
import { unwrapHardWraps } from './unwrap.js';

const paragraphs = (...lines: string[]): Block[] => lines.map((text) => ({ kind: 'paragraph', text }));
const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

// Every line is wrapped at 20 characters (40 columns), as text copied out of a PDF is.
const WRAPPED = [
  '一、深化医药卫生体制改革，推动县域医疗服务',
  '体系整体提质增效',
  '（一）深化紧密型县域医共体建设。推动人员、',
  '资金、药品统一管理，县域内就诊率达到91%，',
  '基层诊疗人次占比不低于55%。（医政科牵头）',
  '（二）推进公立医院高质量发展。开展绩效考核',
  '结果运用，支持市中心医院创建区域医疗中心，',
  '三、四级手术占比提升2个百分点，完善分级诊',
  '疗制度。（医政科牵头，财务科配合）',
  '二、加强公共卫生体系建设',
  '（一）完善疾病预防控制网络。建成市级公共卫',
  '生临床中心，各县疾控中心均建成生物安全二级',
  '实验室，传染病网络直报率保持在100%。',
];

describe('unwrapHardWraps', () => {
  it('joins lines that run on at the wrap width into paragraphs', () => {
    expect(texts(unwrapHardWraps(paragraphs(...WRAPPED)))).toEqual([
      '一、深化医药卫生体制改革，推动县域医疗服务体系整体提质增效',
      '（一）深化紧密型县域医共体建设。推动人员、资金、药品统一管理，县域内就诊率达到91%，基层诊疗人次占比不低于55%。（医政科牵头）',
      '（二）推进公立医院高质量发展。开展绩效考核结果运用，支持市中心医院创建区域医疗中心，三、四级手术占比提升2个百分点，完善分级诊疗制度。（医政科牵头，财务科配合）',
      '二、加强公共卫生体系建设',
      '（一）完善疾病预防控制网络。建成市级公共卫生临床中心，各县疾控中心均建成生物安全二级实验室，传染病网络直报率保持在100%。',
    ]);
  });

  it('leaves a plan written a paragraph a line as it is', () => {
    const lines = [
      '一、深化改革',
      '（一）推进医共体建设。推动县域医共体人员、资金、药品统一管理，县域内就诊率达到91%。（医政科牵头）',
      '（二）推进公立医院高质量发展。',
      '二、加强公共卫生体系建设',
      '（一）完善疾病预防控制网络，建成市级公共卫生临床中心，各县疾控中心均建成生物安全二级实验室。',
      '（二）做好慢性病防治。',
      '三、强化基层',
      '（一）实施基层服务能力提升行动，乡镇卫生院达到服务能力基本标准的比例不低于80%。',
      '（二）做实家庭医生签约服务。',
    ];
    expect(texts(unwrapHardWraps(paragraphs(...lines)))).toEqual(lines);
  });
});
