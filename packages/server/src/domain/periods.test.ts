import { describe, expect, it } from 'vitest';
import { currentPeriod, periodsOfYear } from './periods.js';

describe('the period a report is owed for today', () => {
  const [jan, feb] = periodsOfYear(2026, 'monthly', 25);
  if (!jan || !feb) throw new Error('no periods');

  it('is the period containing today', () => {
    expect(currentPeriod([feb, jan], '2026-02-10')?.label).toBe('2026年2月');
  });

  it('after the last period is the latest begun, before the first is the first, and none without periods', () => {
    expect(currentPeriod([jan, feb], '2026-05-01')?.label).toBe('2026年2月');
    expect(currentPeriod([feb, jan], '2025-12-01')?.label).toBe('2026年1月');
    expect(currentPeriod<typeof jan>([], '2026-01-01')).toBeUndefined();
  });
});
