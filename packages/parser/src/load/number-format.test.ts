import { describe, expect, it } from 'vitest';
import { chineseCounting, formatNumber, roman } from './number-format.js';

describe('chineseCounting', () => {
  it('counts 一 to 十 and then 十一 … 十九 without a leading 一', () => {
    expect([1, 2, 9, 10, 11, 15, 19].map((n) => chineseCounting(n))).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '十五',
      '十九',
    ]);
  });

  it('writes tens as 二十, 二十一 … 九十九', () => {
    expect([20, 21, 30, 45, 99].map((n) => chineseCounting(n))).toEqual([
      '二十',
      '二十一',
      '三十',
      '四十五',
      '九十九',
    ]);
  });

  it('writes hundreds with 零 for a skipped place and 一十 inside larger numbers', () => {
    expect([100, 101, 110, 111, 1001, 10_010].map((n) => chineseCounting(n))).toEqual([
      '一百',
      '一百零一',
      '一百一十',
      '一百一十一',
      '一千零一',
      '一万零一十',
    ]);
  });

  it('uses financial digits for chineseLegalSimplified', () => {
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
  });
});

describe('formatNumber', () => {
  it('formats each Word list format the way Word prints it', () => {
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(25, 'decimalEnclosedCircle')).toBe('㉕');
    expect(formatNumber(2, 'decimalEnclosedParen')).toBe('⑵');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(11, 'ideographTraditional')).toBe('甲');
    expect(formatNumber(2, 'lowerLetter')).toBe('b');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(9, 'lowerRoman')).toBe('ix');
    expect(formatNumber(11, 'chineseCountingThousand')).toBe('十一');
    expect(formatNumber(5, 'bullet')).toBe('');
    expect(formatNumber(7, 'someFutureFormat')).toBe('7');
  });

  it('writes Roman numerals for 1999 as MCMXCIX', () => {
    expect(roman(1999, true)).toBe('MCMXCIX');
  });
});
