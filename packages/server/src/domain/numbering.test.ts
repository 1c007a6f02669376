import { describe, expect, it } from 'vitest';
import { chineseNumeral, renumberSiblings } from './numbering.js';

describe('renumberSiblings', () => {
  it('numbers a Chinese list by position: 十 after 九, not above it', () => {
    expect(renumberSiblings(['一', '二', '十', '三', '四', '五', '六', '七', '八', '九'])).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
    ]);
  });

  it('keeps the brackets and the Arabic or circled style of the list, and numbers an added item', () => {
    expect(renumberSiblings(['（二）', '（一）', ''])).toEqual(['（一）', '（二）', '（三）']);
    expect(renumberSiblings(['2.', '1.', ''])).toEqual(['1.', '2.', '3.']);
    expect(renumberSiblings(['②', '①'])).toEqual(['①', '②']);
  });

  it('leaves a list without numerals as it is', () => {
    expect(renumberSiblings(['', ''])).toEqual(['', '']);
  });

  it('writes Chinese numerals the way plans print them', () => {
    expect([1, 10, 11, 20, 21, 100, 105].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '一百',
      '一百零五',
    ]);
  });
});
