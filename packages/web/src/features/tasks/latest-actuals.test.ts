import { describe, expect, it } from 'vitest';
import { period, report } from '../../test/factories.js';
import { actualSeries, latestActual } from './latest-actuals.js';

describe('actualSeries', () => {
  const jan = period({ label: 'Jan', startsOn: '2026-01-01', endsOn: '2026-01-31' });
  const feb = period({ label: 'Feb', startsOn: '2026-02-01', endsOn: '2026-02-28' });

  it('orders actuals by period and ignores drafts', () => {
    const series = actualSeries(
      [
        report({ periodId: feb.id, state: 'accepted', actuals: [{ targetId: 't', value: 80, note: '' }] }),
        report({ periodId: jan.id, state: 'submitted', actuals: [{ targetId: 't', value: 60, note: '' }] }),
        report({
          periodId: feb.id,
          state: 'draft',
          actuals: [{ targetId: 't', value: 999, note: '' }],
          updatedAt: '2027-01-01T00:00:00Z',
        }),
      ],
      [jan, feb],
    );
    expect(series.get('t')?.map((p) => [p.periodLabel, p.value])).toEqual([
      ['Jan', 60],
      ['Feb', 80],
    ]);
    expect(latestActual(series, 't')).toBe(80);
    expect(latestActual(series, 'other')).toBeNull();
  });
});
