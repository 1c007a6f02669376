import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeadlines } from './deadline.js';
import { extractTargets } from './extract-targets.js';

/** Pieces of the genre: numbers, units, op words, deadlines, quotes and punctuation, to mix at random. */
const PIECES = [
  '0',
  '1',
  '2',
  '5',
  '9',
  '10',
  '100',
  '2024',
  '3.5',
  '１',
  '９',
  '一',
  '两',
  '三',
  '十',
  '百',
  '千',
  '万',
  '亿',
  '零',
  '%',
  '％',
  '‰',
  '/10万',
  '个',
  '家',
  '所',
  '名',
  '张',
  '人',
  '元',
  '万元',
  '亿元',
  '个百分点',
  '倍',
  '天',
  '次',
  '岁',
  '年',
  '月',
  '日',
  '号',
  '达到',
  '达',
  '以上',
  '以下',
  '以内',
  '左右',
  '约',
  '不低于',
  '不少于',
  '控制在',
  '降至',
  '提高',
  '提高到',
  '新增',
  '建成',
  '完成',
  '分别',
  '年内',
  '年底前',
  '上半年',
  '第三季度',
  '底',
  '前',
  '季度',
  '百分之',
  '1:',
  '：',
  '-',
  '～',
  '到',
  '至',
  '、',
  '，',
  '。',
  '；',
  ',',
  '.',
  '“',
  '”',
  '《',
  '》',
  '（',
  '）',
  '(',
  ')',
  '〔',
  '〕',
  '+',
  '第',
  '每',
  '已',
  '较',
  '去年',
  '率',
  '比',
  '接种',
  '死亡率',
  '全市',
  '确保',
  ' ',
  '\n',
  'G',
  'a',
];

const genreText = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

function check(text: string, start: number, end: number, year: number | null): void {
  const got = extractTargets(text, { start, end }, { year });
  const lo = Math.max(0, Math.min(start, text.length));
  const hi = Math.max(lo, Math.min(end, text.length));
  for (const t of got) {
    expect(t.source.start).toBeGreaterThanOrEqual(lo);
    expect(t.source.end).toBeLessThanOrEqual(hi);
    expect(t.source.start).toBeLessThanOrEqual(t.source.end);
    expect(t.text).toBe(text.slice(t.source.start, t.source.end));
    const values = Array.isArray(t.value) ? t.value : [t.value];
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    expect(t.op === 'range').toBe(Array.isArray(t.value));
    if (t.deadline !== null) expect(t.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  }
}

describe('extractTargets on random input', () => {
  it('never throws and keeps sources inside the span on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.nat(220),
        fc.nat(220),
        fc.option(fc.integer({ min: 1900, max: 2100 })),
        (s, a, b, year) => {
          check(s, Math.min(a, b), Math.max(a, b), year);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws and keeps text === slice on random mixes of genre pieces', () => {
    fc.assert(
      fc.property(
        genreText,
        genreText,
        genreText,
        fc.option(fc.integer({ min: 2000, max: 2030 })),
        (before, inside, after, year) => {
          const text = before + inside + after;
          check(text, before.length, before.length + inside.length, year);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('keeps deadline sources inside the span on random mixes', () => {
    fc.assert(
      fc.property(genreText, fc.option(fc.integer({ min: 2000, max: 2030 })), (s, year) => {
        for (const d of findDeadlines(s, { start: 0, end: s.length }, year)) {
          expect(s.slice(d.source.start, d.source.end)).toBe(d.deadlineText);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('reads a 2 MB single line without punctuation', () => {
    const line = '达到1'.repeat(100_000) + '一二三四五六七八九十'.repeat(100_000);
    // No clock here (speed is bench:parse): a super-linear blow-up would run into the test's time-out instead.
    const got = extractTargets(line, { start: 0, end: line.length }, { year: 2024 });
    expect(got.length).toBeGreaterThan(0);
  }, 120_000);
});
