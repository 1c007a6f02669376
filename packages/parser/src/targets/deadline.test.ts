import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEADLINE_SOURCE, deadlineMatches, findDeadlines, parseDeadline } from './deadline.js';

const FOUND: [string, number | null, [string, string | null][]][] = [
  ['年内完成全部建设任务', 2024, [['年内', '2024-12-31']]],
  ['年底前出台实施方案', 2024, [['年底前', '2024-12-31']]],
  [
    '上半年启动试点，下半年全面推开',
    2024,
    [
      ['上半年', '2024-06-30'],
      ['下半年', '2024-12-31'],
    ],
  ],
  ['6月底前完成摸底', 2024, [['6月底前', '2024-06-30']]],
  ['2月底前完成摸底', 2024, [['2月底前', '2024-02-29']]],
  ['6月30日前报送材料', 2023, [['6月30日前', '2023-06-30']]],
  ['十月底前完成验收', 2024, [['十月底前', '2024-10-31']]],
  ['2025年底前全面建成', 2024, [['2025年底前', '2025-12-31']]],
  ['2024年第三季度完成评审', null, [['2024年第三季度', '2024-09-30']]],
  ['三季度末前完成', 2024, [['三季度末', '2024-09-30']]],
  ['第一季度内完成部署', 2024, [['第一季度内', '2024-03-31']]],
  ['项目于2022年完工投入使用', 2021, [['2022年完工投入使用', '2022-12-31']]],
  ['新院区2021年动工建设', 2021, [['2021年动工建设', '2021-12-31']]],
  ['到2025年基本建成', 2024, [['到2025年', '2025-12-31']]],
  ['11月中旬前完成', 2024, [['11月中旬前', '2024-11-20']]],
  ['年内完成', null, [['年内', null]]],
  ['6月底前完成', null, [['6月底前', null]]],
  // not deadlines
  ['2024年全市卫生健康工作要点', 2024, []],
  ['于2024年3月15日印发', 2024, []],
  ['三年内完成改造', 2024, []],
  ['每月底前报送进展', 2024, []],
  ['每季度开展一次督导', 2024, []],
  ['去年底全市已建成', 2024, []],
  ['12021年底', 2024, []],
];

describe('findDeadlines', () => {
  it.each(FOUND)('reads %s (plan year %s)', (sentence, year, expected) => {
    const prefix = '说明：';
    const text = prefix + sentence;
    const got = findDeadlines(text, { start: prefix.length, end: text.length }, year);
    expect(got.map((d) => [d.deadlineText, d.deadline])).toEqual(expected);
    for (const d of got) expect(text.slice(d.source.start, d.source.end)).toBe(d.deadlineText);
  });

  it('ignores deadlines outside the span', () => {
    const text = '年内完成。6月底前完成。';
    const got = findDeadlines(text, { start: 5, end: text.length }, 2024);
    expect(got.map((d) => d.deadlineText)).toEqual(['6月底前']);
  });
});

describe('parseDeadline', () => {
  it('reads a month cell into that month end', () => {
    expect(parseDeadline('2024年6月底前', null)).toEqual({
      deadline: '2024-06-30',
      deadlineText: '2024年6月底前',
    });
  });

  it('takes the latest date of a cell with several', () => {
    expect(parseDeadline(' 3月底前完成方案，年底前完成建设 ', 2024)).toEqual({
      deadline: '2024-12-31',
      deadlineText: '3月底前完成方案，年底前完成建设',
    });
  });

  it('keeps a cell without a date as printed', () => {
    expect(parseDeadline('长期坚持', 2024)).toEqual({ deadline: null, deadlineText: '长期坚持' });
  });

  it('reads 全年 as the plan year end', () => {
    expect(parseDeadline('全年', 2023)).toEqual({ deadline: '2023-12-31', deadlineText: '全年' });
  });

  it('returns null for an empty or dash cell', () => {
    expect(parseDeadline('   ', 2024)).toBeNull();
    expect(parseDeadline('—', 2024)).toBeNull();
    expect(parseDeadline('/', 2024)).toBeNull();
  });
});

describe('deadlineMatches', () => {
  const PIECES = [
    '2024',
    '年',
    '月',
    '底',
    '前',
    '内',
    '6',
    '12',
    '十二',
    '一',
    '二〇二五',
    '季度',
    '第',
    '三',
    '上半年',
    '下半年',
    '到',
    '至',
    '今',
    '本',
    '全年',
    '年内',
    '每',
    '完工',
    '投入使用',
    '，',
    '日',
    '号',
    '份',
    '1',
    '0',
  ];

  /** The plain global scan the anchored one must agree with. */
  function globalScan(s: string): [number, string][] {
    return [...s.matchAll(new RegExp(DEADLINE_SOURCE, 'gu'))].map((m) => [m.index, m[0]]);
  }

  it('finds the same matches as a global scan of the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (parts) => {
        const s = parts.join('');
        expect(deadlineMatches(s).map((m) => [m.index, m[0]])).toEqual(globalScan(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with a global scan on a sentence with several deadlines and plain text between', () => {
    const s =
      '上半年完成方案，到2025年底前全面建成，第三季度末开展评估，十二月份总结，二〇二六年完工投入使用。';
    expect(deadlineMatches(s).map((m) => m[0])).toEqual(globalScan(s).map(([, text]) => text));
    expect(deadlineMatches(s).length).toBeGreaterThanOrEqual(5);
  });
});
