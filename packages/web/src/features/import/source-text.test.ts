import { describe, expect, it } from 'vitest';
import { item } from '../../test/factories.js';
import { splitAt, textFromItems } from './source-text.js';

describe('source text', () => {
  it('splits around a span and clamps spans that run past the text', () => {
    expect(splitAt('abcdef', { start: 2, end: 4 })).toEqual({ before: 'ab', marked: 'cd', after: 'ef' });
    expect(splitAt('abc', { start: 2, end: 99 })).toEqual({ before: 'ab', marked: 'c', after: '' });
    expect(splitAt('abc', null)).toEqual({ before: 'abc', marked: '', after: '' });
  });

  it('builds a stand-in text whose spans point at each item', () => {
    const first = item({ number: '一、', title: '总体要求' });
    const second = item({ number: '1.', title: '推进改革', text: '全面推进改革。' });
    const { text, spans } = textFromItems([first, second]);
    const span = spans.get(second.id);
    expect(span && text.slice(span.start, span.end)).toBe('1. 推进改革\n全面推进改革。');
  });
});
