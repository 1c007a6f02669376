import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The web shows what the server computes (issue 8): no module of its own works out attainment, a plan
 * summary, a task's status, lagging counts or who owes a report. Two copies of those rules drifted apart
 * before (dashboard/aggregate.ts, tasks/attainment.ts, review/not-reported.ts, my-tasks/owed.ts); this test
 * fails if one comes back under a telling name or a status is tested against a literal to count or decide.
 */
const SRC = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const RULE_MODULES =
  /(^|\/)(attainment|aggregate|summary|task-status|status-rules|owed|not-reported|periods|lagging)\.tsx?$/;
const STATUS_TEST = /\.status\s*[!=]==?\s*'(overdue|behind|at_risk|done|on_track|not_started)'/;

describe('the web keeps no copy of a domain rule', () => {
  const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('has no module named for attainment, a summary, status, lagging, periods or what is owed', () => {
    expect(files.map((f) => f.path).filter((path) => RULE_MODULES.test(path))).toEqual([]);
  });

  it('never decides or counts by comparing a task status to a literal', () => {
    expect(files.filter((f) => STATUS_TEST.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
