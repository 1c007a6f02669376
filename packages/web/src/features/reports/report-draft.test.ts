// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from '../../drafts/drafts.js';
import { report } from '../../test/factories.js';
import { REPORT_TEXT_MAX } from '@yaodian/core';
import { draftFromReport, draftKey, emptyDraft, fieldsOf, isReportDraft, overLimit } from './report-draft.js';

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

  it('starts a new report from the task’s accepted percent', () => {
    expect(emptyDraft(() => 'k', 46).percent).toBe(46);
    expect(emptyDraft(() => 'k').percent).toBe(0);
  });

  it('names each text field over the server’s limit instead of cutting it', () => {
    const long = 'x'.repeat(REPORT_TEXT_MAX + 1);
    expect(overLimit({ narrative: long, problems: 'ok', nextSteps: long })).toEqual([
      'narrative',
      'nextSteps',
    ]);
    expect(overLimit({ narrative: 'x'.repeat(REPORT_TEXT_MAX), problems: '', nextSteps: '' })).toEqual([]);
    expect(fieldsOf({ ...emptyDraft(() => 'k'), narrative: long }).narrative).toHaveLength(
      REPORT_TEXT_MAX + 1,
    );
  });
});
