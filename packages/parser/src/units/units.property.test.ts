import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findResponsibility } from './find-responsibility.js';
import { parseUnitCell } from './unit-cell.js';
import { findAliases } from './aliases.js';

// Fragments of the genre, so random strings often come close to real clauses.
const TOKENS = [
  '（',
  '）',
  '(',
  ')',
  '、',
  '，',
  ',',
  '；',
  ';',
  '：',
  ':',
  '。',
  '\n',
  ' ',
  '由',
  '等',
  '于',
  '牵头',
  '配合',
  '负责',
  '参与',
  '协办',
  '按职责分工负责',
  '等有关科室',
  '责任科室',
  '牵头单位',
  '配合单位',
  '医政科',
  '中医科',
  '规划信息科',
  '规信科',
  '各县（市、区）卫生健康局',
  '委机关各科室',
  '市疾控中心',
  '区',
  '县',
  '科',
  '中心',
  '2024年底前',
  '推进',
  '建设',
  '和',
];

const clauseish = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('units robustness', () => {
  it('never throws, and lead and support are subsets of units inside the span', () => {
    fc.assert(
      fc.property(clauseish, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = text.length === 0 ? 0 : b % (text.length + 1);
        const r = findResponsibility(text, { start, end });
        if (r === null) return;
        for (const unit of [...r.lead, ...r.support]) expect(r.units).toContain(unit);
        expect(new Set(r.units).size).toBe(r.units.length);
        expect(r.span.start).toBeGreaterThanOrEqual(Math.min(start, end));
        expect(r.span.end).toBeLessThanOrEqual(Math.max(start, end));
        expect(r.span.end).toBeGreaterThan(r.span.start);
        for (const unit of r.units) expect(unit.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        findResponsibility(text, { start: 0, end: text.length });
        const cell = parseUnitCell(text);
        expect(new Set(cell).size).toBe(cell.length);
        findAliases(cell, text);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads adversarial multi-megabyte lines to the end, every name it returns taken from the text', () => {
    const inputs = [
      '（医政科、'.repeat(400_000),
      '由医政科负责，'.repeat(300_000),
      '牵头单位：医政科；'.repeat(250_000),
      '(医政科牵头)\n'.repeat(250_000),
      '科'.repeat(2_000_000),
    ];
    // No clock here (speed is bench:parse): a super-linear blow-up would run into the time-out instead.
    for (const text of inputs) {
      findResponsibility(text, { start: 0, end: text.length });
      for (const name of parseUnitCell(text)) expect(text.includes(name)).toBe(true);
      for (const alias of findAliases(['医政医管科', '规划信息科'], text))
        expect(text.includes(alias.short)).toBe(true);
    }
  }, 120_000);
});
