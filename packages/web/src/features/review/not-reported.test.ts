import { describe, expect, it } from 'vitest';
import { report, task } from '../../test/factories.js';
import { notReported } from './not-reported.js';

describe('notReported', () => {
  it('lists units owing a report this period, counting drafts as not reported and skipping done tasks', () => {
    const a = { id: 'ua', name: 'A' };
    const b = { id: 'ub', name: 'B' };
    const t1 = task({ reportingUnits: [a, b] });
    const t2 = task({ reportingUnits: [b] });
    const t3 = task({ reportingUnits: [a], status: 'done' });
    const missing = notReported(
      [t1, t2, t3],
      [
        report({ itemId: t1.id, unitId: 'ua', periodId: 'p1' }),
        report({ itemId: t2.id, unitId: 'ub', periodId: 'p1', state: 'draft' }),
        report({ itemId: t1.id, unitId: 'ub', periodId: 'p0' }),
      ],
      'p1',
    );
    expect(missing.map((m) => [m.name, m.tasks.length])).toEqual([['B', 2]]);
  });
});
