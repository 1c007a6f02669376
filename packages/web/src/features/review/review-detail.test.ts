import { describe, expect, it } from 'vitest';
import { report } from '../../test/factories.js';
import { previousAccepted } from './ReviewDetail.js';

describe('the previous accepted report beside a report under review', () => {
  it('is the latest accepted one of an earlier period, never the report itself or a later one', () => {
    const starts: Record<string, string> = {
      mar: '2026-03-01',
      apr: '2026-04-01',
      may: '2026-05-01',
      jun: '2026-06-01',
    };
    const under = report({ id: 'r-may', periodId: 'may' });
    const accepted = [
      report({ id: 'r-mar', periodId: 'mar' }),
      report({ id: 'r-apr', periodId: 'apr' }),
      report({ id: 'r-jun', periodId: 'jun' }),
    ];
    expect(previousAccepted(under, accepted, (id) => starts[id] ?? '')?.id).toBe('r-apr');
    expect(previousAccepted(under, [], (id) => starts[id] ?? '')).toBeUndefined();
  });
});
