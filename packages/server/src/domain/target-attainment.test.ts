import { describe, expect, it } from 'vitest';
import {
  attainmentCredit,
  ATTAINMENT_TOLERANCE,
  attainmentPercent,
  meets,
  type AttainmentTarget,
} from './target-attainment.js';

const target = (fields: Partial<AttainmentTarget>): AttainmentTarget => ({
  op: '>=',
  value: 90,
  lo: null,
  hi: null,
  direction: 'higher',
  ...fields,
});

describe('target attainment', () => {
  it('treats ≥ and ≤ as exact bounds, whichever way the direction points', () => {
    expect(meets(target({ op: '>=', value: 95 }), 95)).toBe(true);
    expect(meets(target({ op: '>=', value: 95 }), 94.9)).toBe(false);
    expect(meets(target({ op: '<=', value: 18, direction: 'lower' }), 18)).toBe(true);
    expect(meets(target({ op: '<=', value: 18, direction: 'lower' }), 18.5)).toBe(false);
  });

  it('measures lower-is-better targets as goal / actual and higher-is-better as actual / goal', () => {
    expect(attainmentPercent(target({ op: '>=', value: 80 }), 60)).toBe(75);
    expect(attainmentPercent(target({ op: '<=', value: 10, direction: 'lower' }), 20)).toBe(50);
    expect(attainmentPercent(target({ op: '<=', value: 10, direction: 'lower' }), 2)).toBe(100);
  });

  it(`allows ${String(ATTAINMENT_TOLERANCE * 100)}% on the unfavoured side of = and ~ targets, any amount on the favoured side`, () => {
    const about = target({ op: '~', value: 80 });
    expect(meets(about, 76)).toBe(true);
    expect(meets(about, 75.9)).toBe(false);
    expect(meets(about, 99)).toBe(true);
    const fall = target({ op: '=', value: 20, direction: 'lower' });
    expect(meets(fall, 21)).toBe(true);
    expect(meets(fall, 21.1)).toBe(false);
    expect(meets(fall, 5)).toBe(true);
  });

  it('meets a range inside its bounds and measures against the nearer bound outside', () => {
    const range = target({ op: 'range', value: null, lo: 18, hi: 20 });
    expect(meets(range, 19)).toBe(true);
    expect(attainmentPercent(range, 9)).toBe(50);
    expect(attainmentPercent(range, 40)).toBe(50);
  });

  it('has nothing to say without an actual or a target value', () => {
    expect(attainmentPercent(target({}), null)).toBeNull();
    expect(attainmentPercent(target({ value: null }), 5)).toBeNull();
  });
});

describe('attainment credit (the assessment’s partial credit)', () => {
  const growth = { op: '>=' as const, value: 90, lo: null, hi: null, direction: 'higher' as const };
  const ceiling = { op: '<=' as const, value: 10, lo: null, hi: null, direction: 'lower' as const };

  it('is linear between the baseline and the target, in the target’s direction', () => {
    expect(attainmentCredit({ ...growth, baseline: 80 }, 85)).toBe(0.5);
    expect(attainmentCredit({ ...growth, baseline: 80 }, 78)).toBe(0);
    expect(attainmentCredit({ ...ceiling, baseline: 20 }, 12)).toBe(0.8);
    expect(attainmentCredit({ ...ceiling, baseline: 20 }, 25)).toBe(0);
  });

  it('is full once the target is met, and the attainment percent without a usable baseline', () => {
    expect(attainmentCredit({ ...growth, baseline: 80 }, 91)).toBe(1);
    expect(attainmentCredit({ ...growth, baseline: null }, 45)).toBe(0.5);
    expect(attainmentCredit({ ...growth, baseline: 95 }, 45)).toBe(0.5);
    expect(attainmentCredit({ ...ceiling, baseline: null }, 20)).toBe(0.5);
    expect(attainmentCredit({ ...growth, baseline: 80 }, null)).toBeNull();
  });
});
