import { describe, expect, it } from 'vitest';
import { period, report, task } from '../../test/factories.js';
import { countOwed, isFillable, owedReports } from './owed.js';

describe('the rows a reporter owes', () => {
  it('counts fillable rows (nothing sent, draft, returned) the same way the table shows them', () => {
    const may = period({ id: 'may' });
    const unit = { id: 'u1', name: '医政医管科' };
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((id) => task({ id, reportingUnits: [unit] }));
    const reports = [
      report({ itemId: 'b', unitId: 'u1', periodId: 'may', state: 'draft' }),
      report({ itemId: 'c', unitId: 'u1', periodId: 'may', state: 'returned' }),
      report({ itemId: 'd', unitId: 'u1', periodId: 'may', state: 'submitted' }),
      report({ itemId: 'e', unitId: 'u1', periodId: 'may', state: 'accepted' }),
      // Another period's report does not make this period's row done.
      report({ itemId: 'a', unitId: 'u1', periodId: 'april', state: 'accepted' }),
    ];
    const rows = owedReports(tasks, ['u1'], () => may, reports);
    expect(rows.map(isFillable)).toEqual([true, true, true, false, false]);
    expect(countOwed(rows)).toEqual({ rows: 5, fillable: 3, submitted: 1, returned: 1 });
  });

  it('owes nothing fillable on a plan without periods', () => {
    const rows = owedReports(
      [task({ reportingUnits: [{ id: 'u1', name: 'x' }] })],
      ['u1'],
      () => undefined,
      [],
    );
    expect(countOwed(rows)).toEqual({ rows: 1, fillable: 0, submitted: 0, returned: 0 });
  });
});
