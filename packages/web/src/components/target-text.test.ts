import { describe, expect, it } from 'vitest';
import { target } from '../test/factories.js';
import { targetText } from './target-text.js';

describe('targetText', () => {
  it('writes targets the way planners do, with ≥ / ≤ / ≈ and ranges', () => {
    expect(targetText(target({ op: '>=', value: 95, unit: '%' }))).toBe('≥ 95%');
    expect(targetText(target({ op: '<=', value: 18, unit: '/10万' }))).toBe('≤ 18/10万');
    expect(targetText(target({ op: '~', value: 80, unit: '%' }))).toBe('≈ 80%');
    expect(targetText(target({ op: 'range', lo: 1, hi: 2, unit: '个' }))).toBe('1–2个');
  });
});
