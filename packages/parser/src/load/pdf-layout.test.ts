import { describe, expect, it } from 'vitest';
import {
  buildLines,
  buildParagraphs,
  dropRunningLines,
  isPageNumber,
  leadingChunkEm,
  startsWithNumbering,
} from './pdf-layout.js';
import type { PdfLine, TextRun } from './pdf-layout.js';

const EM = 14;
const LEFT = 72;
const RIGHT = 523;

/** A line of CJK text at a baseline, `indent` ems in from the left margin, `chars` wide. */
function line(text: string, y: number, indent = 0, page = 1, width = text.length): PdfLine {
  const x0 = LEFT + indent * EM;
  return { text, x0, x1: Math.min(x0 + width * EM, RIGHT), y, fontSize: EM, page };
}

describe('buildParagraphs', () => {
  it('joins wrapped CJK lines without a space and starts a paragraph at a first-line indent', () => {
    const lines = [
      line('一、总体目标', 700, 2),
      line('到2025年底，全县居民健康素养水平达到32%以上，', 675, 2, 1, 30),
      line('孕产妇系统管理率保持在95%以上。', 650, 0, 1, 17),
      line('二、重点任务', 625, 2),
    ];
    expect(buildParagraphs(lines)).toEqual([
      '一、总体目标',
      '到2025年底，全县居民健康素养水平达到32%以上，孕产妇系统管理率保持在95%以上。',
      '二、重点任务',
    ]);
  });

  it('ends a paragraph at a line clearly short of the right margin even without an indent', () => {
    const lines = [line('甲'.repeat(32), 700, 0, 1, 40), line('乙乙乙。', 675), line('丙丙丙丙', 650)];
    expect(buildParagraphs(lines)).toEqual(['甲'.repeat(32) + '乙乙乙。', '丙丙丙丙']);
  });

  it('starts a paragraph at a numbering marker on an unindented line', () => {
    const lines = [
      line('（一）推进改革', 700, 0, 1, 40),
      line('1.完善机制', 675, 0, 1, 40),
      line('(2)加强管理', 650),
    ];
    expect(buildParagraphs(lines)).toEqual(['（一）推进改革', '1.完善机制', '(2)加强管理']);
  });

  it('carries a paragraph across a page break when the last line reaches the margin', () => {
    const lines = [line('跨页的段落前半部分', 100, 2, 1, 40), line('后半部分。', 760, 0, 2)];
    expect(buildParagraphs(lines)).toEqual(['跨页的段落前半部分后半部分。']);
  });

  it('joins wrapped Latin words with a space', () => {
    const lines = [
      { text: 'Health Plan', x0: LEFT, x1: RIGHT, y: 700, fontSize: EM, page: 1 },
      { text: 'for 2025', x0: LEFT, x1: 200, y: 675, fontSize: EM, page: 1 },
    ];
    expect(buildParagraphs(lines)).toEqual(['Health Plan for 2025']);
  });

  it('keeps the second line of a wrapped centred title in the title', () => {
    const lines = [
      line('关于印发《某县2025年卫生健康重点工作任务及分工', 750, 0, 1, 40),
      { ...line('方案》的通知', 722), x0: 255, x1: 340 },
      line('正文第一段。', 690, 2),
    ];
    expect(buildParagraphs(lines)[0]).toBe('关于印发《某县2025年卫生健康重点工作任务及分工方案》的通知');
  });
});

describe('buildLines', () => {
  it('groups runs on one baseline left to right and spaces a wide gap', () => {
    const runs: TextRun[] = [
      { text: '医政科', x: 300, y: 500.4, width: 42, fontSize: 14 },
      { text: '推进', x: 72, y: 500, width: 28, fontSize: 14 },
      { text: '改革', x: 100, y: 500, width: 28, fontSize: 14 },
      { text: '下一行', x: 72, y: 475, width: 42, fontSize: 14 },
    ];
    const lines = buildLines({ runs, width: 595, height: 842 }, 1);
    expect(lines.map((l) => l.text)).toEqual(['推进改革 医政科', '下一行']);
  });
});

describe('running headers and page numbers', () => {
  it('recognises page number forms', () => {
    expect(['- 1 -', '—2—', '第3页', '第 3 页 共 9 页', '4/9', '12'].every(isPageNumber)).toBe(true);
    expect(isPageNumber('2025年')).toBe(false);
  });

  it('drops repeated headers and page numbers at the page edges, keeping body text', () => {
    const page = (n: number): PdfLine[] => [
      { ...line('某县卫生健康局文件', 810), page: n },
      { ...line(`正文第${n}页`, 600), page: n },
      { ...line(`— ${n} —`, 40), page: n },
    ];
    const pages = [page(1), page(2), page(3)];
    expect(
      dropRunningLines(pages, [842, 842, 842])
        .flat()
        .map((l) => l.text),
    ).toEqual(['正文第1页', '正文第2页', '正文第3页']);
  });
});

describe('helpers', () => {
  it('sees numbering markers and not numbers that are values', () => {
    expect(['一、', '（十二）', '3.', '4、', '(5)', '⑥'].map((m) => startsWithNumbering(`${m}任务`))).toEqual(
      [true, true, true, true, true, true],
    );
    expect(['1.5倍', '2025年', '95%以上'].some((t) => startsWithNumbering(t))).toBe(false);
  });

  it('counts closing punctuation with the character it follows', () => {
    expect(leadingChunkEm('行”基本')).toBe(2);
    expect(leadingChunkEm('基本')).toBe(1);
  });
});
