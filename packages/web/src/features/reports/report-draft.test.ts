// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from '../../drafts/drafts.js';
import { report } from '../../test/factories.js';
import { draftFromReport, draftKey, emptyDraft, fieldsOf, isReportDraft } from './report-draft.js';

describe('report drafts', () => {
  it('survive in sessionStorage until cleared, and reject foreign shapes', () => {
    const draft = { ...emptyDraft(() => 'k1'), narrative: '已完成调研' };
    writeDraft(draftKey({ itemId: 'i', unitId: 'u', periodId: 'p' }), draft);
    expect(readDraft('report:i:u:p', isReportDraft)?.narrative).toBe('已完成调研');
    sessionStorage.setItem('yd.draft.report:x', '{"percent":"lots"}');
    expect(readDraft('report:x', isReportDraft)).toBeNull();
    clearDraft('report:i:u:p');
    expect(readDraft('report:i:u:p', isReportDraft)).toBeNull();
  });

  it('sends only the actuals that have a value, and clamps percent into 0–100', () => {
    const fields = fieldsOf({
      ...emptyDraft(() => 'k'),
      percent: 130.4,
      actuals: { a: { value: 5, note: 'n' }, b: { value: null, note: '' } },
    });
    expect(fields.percent).toBe(100);
    expect(fields.actuals).toEqual([{ targetId: 'a', value: 5, note: 'n' }]);
  });

  it('starts a returned report from what was sent, with a fresh idempotency key', () => {
    const draft = draftFromReport(
      report({ percent: 40, narrative: 'x', actuals: [{ targetId: 't', value: 3, note: '' }] }),
      () => 'fresh',
    );
    expect(draft).toMatchObject({
      percent: 40,
      narrative: 'x',
      idempotencyKey: 'fresh',
      actuals: { t: { value: 3, note: '' } },
    });
    expect(draftKey({ reportId: 'r1' })).toBe('report:r1');
  });
});
