import { describe, expect, it } from 'vitest';
import { foldWidth } from './width.js';

describe('foldWidth', () => {
  it('folds full-width brackets, digits and punctuation to half-width', () => {
    expect(foldWidth('（一）９０％，１：１．５')).toBe('(一)90%,1:1.5');
  });

  it('keeps the length so offsets into the copy are offsets into the original', () => {
    const text = '（１）接种率达到９５％以上。　（二）';
    expect(foldWidth(text)).toHaveLength(text.length);
  });

  it('leaves text without full-width forms as the same string', () => {
    const text = '一、持续抓好疫情防控';
    expect(foldWidth(text)).toBe(text);
  });
});
