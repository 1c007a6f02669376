import { describe, expect, it } from 'vitest';
import { period } from '../../test/factories.js';
import { currentPeriod } from './periods.js';

describe('currentPeriod', () => {
  const jan = period({ label: 'Jan', startsOn: '2026-01-01', endsOn: '2026-01-31' });
  const feb = period({ label: 'Feb', startsOn: '2026-02-01', endsOn: '2026-02-28' });

  it('picks the period containing today', () => {
    expect(currentPeriod([feb, jan], '2026-02-10')?.label).toBe('Feb');
  });

  it('after the last period picks the latest begun, before the first picks the first', () => {
    expect(currentPeriod([jan, feb], '2026-05-01')?.label).toBe('Feb');
    expect(currentPeriod([feb, jan], '2025-12-01')?.label).toBe('Jan');
    expect(currentPeriod([], '2026-01-01')).toBeUndefined();
  });
});
