import { describe, expect, it } from 'vitest';
import { formatFigure } from './figure.js';

describe('formatFigure', () => {
  it('rounds a weighted mean to two decimals and drops trailing zeros', () => {
    expect(formatFigure(59.473096)).toBe('59.47');
    expect(formatFigure(81.5)).toBe('81.5');
    expect(formatFigure(4000)).toBe('4000');
    expect(formatFigure(4.975)).toBe('4.98');
    expect(formatFigure(0.1 + 0.2)).toBe('0.3');
    expect(formatFigure(1e-7)).toBe('0');
    expect(formatFigure(-2.345)).toBe('-2.35');
  });
});
