import { describe, expect, it } from 'vitest';
import { shiftDeadline } from './shift-deadline.js';

describe('moving a carried deadline on by the years between the plans', () => {
  it('keeps month and day, and turns 29 February into the 28th in a year without one', () => {
    expect(shiftDeadline('2025-06-30', 1)).toBe('2026-06-30');
    expect(shiftDeadline('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftDeadline('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftDeadline(null, 1)).toBeNull();
  });
});
