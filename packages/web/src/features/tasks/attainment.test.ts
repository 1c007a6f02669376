import { describe, expect, it } from 'vitest';
import { target } from '../../test/factories.js';
import { attainment, isMet, targetText } from './attainment.js';

describe('attainment', () => {
  it('reads a higher-is-better target as actual over target: 76 of ≥ 95 is 80%', () => {
    expect(attainment(target({ op: '>=', value: 95, direction: 'higher' }), 76)).toBe(80);
  });

  it('reads a lower-is-better ceiling as met at or under it and proportionally above it', () => {
    const ceiling = target({ op: '<=', value: 18, unit: '/10万', direction: 'lower' });
    expect(attainment(ceiling, 15)).toBe(100);
    expect(attainment(ceiling, 20)).toBe(90);
    expect(isMet(ceiling, 20)).toBe(false);
  });

  it('counts a value inside a range as met and outside it as partly met', () => {
    const range = target({ op: 'range', value: null, lo: 10, hi: 20, direction: 'higher' });
    expect(attainment(range, 15)).toBe(100);
    expect(attainment(range, 5)).toBe(50);
  });

  it('has nothing to say without an actual value or a target value', () => {
    expect(attainment(target(), null)).toBeNull();
    expect(attainment(target({ value: null }), 3)).toBeNull();
  });

  it('writes targets the way planners do', () => {
    expect(targetText(target({ op: '>=', value: 95, unit: '%' }))).toBe('≥ 95%');
    expect(targetText(target({ op: 'range', lo: 1, hi: 2, unit: '个' }))).toBe('1–2个');
  });
});
