import { describe, expect, it } from 'vitest';
import { classifyChrome } from './chrome.js';
import { joinBrokenNumbers } from './unwrap.js';

const mid = { fromStart: 10, fromEnd: 10 };

describe('page furniture of portals and journals', () => {
  it('takes a breadcrumb with two separators for navigation, not a sentence with one', () => {
    expect(classifyChrome('苍梧市人民政府 > 信息公开 > 通知公告', mid)).toBe('navigation');
    expect(classifyChrome('苍梧县政府网 › 部门动态 › 卫生健康', mid)).toBe('navigation');
    expect(classifyChrome('血压>140的患者纳入管理', mid)).toBeNull();
  });

  it('drops a journal page foot and a masthead, not a sentence naming an issue', () => {
    expect(classifyChrome('· 12 ·　　　　　　苍梧卫生通讯　2026年第3期', mid)).toBe('running_header');
    expect(classifyChrome('苍梧卫生健康　2026年第1期　　　　　　— 8 —', mid)).toBe('running_header');
    expect(
      classifyChrome('苍梧卫生通讯　2026年第3期（总第41期）　　　　　文件选登', {
        fromStart: 0,
        fromEnd: 50,
      }),
    ).toBe('running_header');
    expect(classifyChrome('第3期培训班于4月举办，培训基层医师200人。', mid)).toBeNull();
  });
});

describe('joinBrokenNumbers', () => {
  it('joins a number and its unit broken over two lines, and nothing else', () => {
    const out = joinBrokenNumbers([
      { kind: 'paragraph', text: '占比较上年提高1.5' },
      { kind: 'paragraph', text: '个百分点。' },
      { kind: 'paragraph', text: '（一）加强队伍建设。招聘医师12' },
      { kind: 'paragraph', text: '二、保障措施' },
    ]);
    expect(out.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      '占比较上年提高1.5个百分点。',
      '（一）加强队伍建设。招聘医师12',
      '二、保障措施',
    ]);
  });
});

describe('document-sharing chrome', () => {
  it('drops page and word counts, uploader and related-document lines, and script switches', () => {
    for (const line of [
      '上传者：abc　|　全文共4页　|　约1.9千字',
      '本文共3页　约2.3千字　阅读次数：356',
      '相关推荐：乡镇卫生院工作计划（共3页）',
      '繁体 | 简体 | 无障碍',
    ])
      expect(classifyChrome(line, mid), line).not.toBeNull();
    expect(classifyChrome('全年共开展义诊32场，服务群众1.2万人次。', mid)).toBeNull();
  });
});
