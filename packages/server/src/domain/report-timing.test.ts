import { describe, expect, it } from 'vitest';
import { reportTiming } from './report-timing.js';

describe('late or missing report', () => {
  it('is on time when sent on or before the due date, late after it, missing when never sent', () => {
    expect(reportTiming('2026-03-24', '2026-03-25')).toBe('on_time');
    expect(reportTiming('2026-03-25', '2026-03-25')).toBe('on_time');
    expect(reportTiming('2026-03-26', '2026-03-25')).toBe('late');
    expect(reportTiming(null, '2026-03-25')).toBe('missing');
  });

  it('as of a day, counts a report sent after that day as still missing on it', () => {
    expect(reportTiming('2026-04-02', '2026-03-25', '2026-04-01')).toBe('missing');
    expect(reportTiming('2026-04-01', '2026-03-25', '2026-04-01')).toBe('late');
    expect(reportTiming('2026-03-20', '2026-03-25', '2026-04-01')).toBe('on_time');
  });
});
