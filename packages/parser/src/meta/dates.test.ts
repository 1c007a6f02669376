import { describe, expect, it } from 'vitest';
import { isDateLine, parseDate } from './dates.js';

describe('parseDate', () => {
  it.each([
    ['2021年4月1日', '2021-04-01'],
    ['2021-04-12 09:11:24', '2021-04-12'],
    ['2026/3/5', '2026-03-05'],
    ['二〇二六年三月十五日', '2026-03-15'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });

  it('refuses impossible dates', () => {
    expect(parseDate('2026年2月30日')).toBeNull();
    expect(parseDate('2026年13月1日')).toBeNull();
  });

  it('tells a signature date line from a sentence with a date', () => {
    expect(isDateLine('2026年2月16日')).toBe(true);
    expect(isDateLine('2026年2月16日前完成部署')).toBe(false);
  });
});
