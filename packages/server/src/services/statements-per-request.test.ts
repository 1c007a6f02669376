import type { PlanDetail, ReportDto, TaskDto } from '@yaodian/core';
import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
import { publishWaivingAll } from '../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/** A plan of `tasks` numbered tasks under one section, each led by 医政科 (the test reporter's unit). */
function planText(tasks: number): string {
  const lines = ['临江市2026年卫生健康重点任务清单', '', '一、重点任务'];
  for (let i = 1; i <= tasks; i++)
    lines.push(`${String(i)}.推进第${String(i)}项重点工作，年底前完成。（医政科牵头，规信科配合）`);
  return lines.join('\n');
}

let recording: string[] | null = null;
let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;

beforeAll(async () => {
  t = await createTestApp({
    readPlan: (bytes, options) => parsePlan(bytes, options),
    now: '2026-03-10T02:00:00Z',
    onQuery: (sql) => recording?.push(sql),
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function publishedPlan(
  tasks: number,
): Promise<{ planId: string; taskIds: string[]; periodId: string }> {
  const boundary = 'plan-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.txt"\r\n\r\n`),
    Buffer.from(planText(tasks)),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const imported = await t.as(planner, {
    method: 'POST',
    url: '/api/plans',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(imported.statusCode).toBe(201);
  const draft = imported.json<PlanDetail>();
  const published = await publishWaivingAll(t, planner, draft);
  expect(published.statusCode).toBe(200);
  const periods = await t.as(planner, {
    method: 'POST',
    url: `/api/plans/${draft.id}/periods`,
    payload: { kind: 'monthly', dueDay: 25 },
  });
  const taskIds = draft.items.filter((i) => i.parentId !== null).map((i) => i.id);
  // The synthetic 1,000-line plan parses to 999 tasks (as in bench:api); the count is what matters here.
  expect(taskIds.length).toBeGreaterThanOrEqual(tasks - 1);
  const periodId = periods.json<{ periods: { id: string }[] }>().periods[2]?.id ?? '';
  return { planId: draft.id, taskIds, periodId };
}

/** The statements one submission and its acceptance send, BEGIN/COMMIT and the session's included. */
async function submissionStatements(tasks: number): Promise<{
  submit: string[];
  accept: string[];
  list: string[];
  listAgain: string[];
  summary: string[];
  tree304: string[];
}> {
  const { planId, taskIds, periodId } = await publishedPlan(tasks);
  const itemId = taskIds[Math.floor(taskIds.length / 2)] ?? '';
  recording = [];
  const response = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: { itemId, unitId: c.units.medical.id, periodId, percent: 40, submit: true },
  });
  const submit = recording;
  recording = null;
  expect(response.statusCode).toBe(201);
  const report = response.json<{ report: ReportDto }>().report;
  // Submitted is not accepted: the task's status does not move until a reviewer accepts.
  const before = await t.as(planner, { method: 'GET', url: `/api/tasks?status=on_track` });
  expect(before.json<{ tasks: TaskDto[] }>().tasks.map((x) => x.id)).not.toContain(itemId);
  recording = [];
  const accepted = await t.as(planner, {
    method: 'POST',
    url: `/api/reports/${report.id}/accept`,
    payload: { version: report.version },
  });
  const accept = recording;
  recording = null;
  expect(accepted.statusCode).toBe(200);
  // The status row of the accepted task moved; the others were neither recomputed nor rewritten.
  const listed = await t.as(planner, { method: 'GET', url: `/api/tasks?status=on_track` });
  expect(listed.json<{ tasks: TaskDto[] }>().tasks.map((x) => x.id)).toContain(itemId);
  // A page of 25 tasks of the plan, after the reports above (pending and accepted figures on the page).
  recording = [];
  const page = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${planId}&limit=25` });
  const list = recording;
  recording = null;
  expect(page.statusCode).toBe(200);
  expect(page.json<{ tasks: TaskDto[] }>().tasks).toHaveLength(25);
  // The same page again, the plan unchanged: answered from the page cache after its validation.
  recording = [];
  const again = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${planId}&limit=25` });
  const listAgain = recording;
  recording = null;
  expect(again.json<{ tasks: TaskDto[] }>().tasks).toEqual(page.json<{ tasks: TaskDto[] }>().tasks);
  // The summary (one set-based statement over the stored statuses); the tree, unchanged since its ETag, 304.
  recording = [];
  const summaryResponse = await t.as(planner, { method: 'GET', url: `/api/plans/${planId}/summary` });
  const summary = recording;
  recording = null;
  expect(summaryResponse.statusCode).toBe(200);
  const etag = (await t.as(planner, { method: 'GET', url: `/api/plans/${planId}` })).headers.etag as string;
  recording = [];
  const unchanged = await t.as(planner, {
    method: 'GET',
    url: `/api/plans/${planId}`,
    headers: { 'if-none-match': etag },
  });
  const tree304 = recording;
  recording = null;
  expect(unchanged.statusCode).toBe(304);
  return { submit, accept, list, listAgain, summary, tree304 };
}

describe('SQL statements per request', () => {
  it('sends the same number of statements for a submission on a 150- and a 1,000-task plan, without a plan lock', async () => {
    const small = await submissionStatements(150);
    const large = await submissionStatements(1000);
    console.log(
      `statements per submission: 150 tasks ${String(small.submit.length)}, 1,000 tasks ${String(large.submit.length)}; ` +
        `per acceptance: ${String(small.accept.length)}, ${String(large.accept.length)}; ` +
        `per page of 25 tasks: ${String(small.list.length)}, ${String(large.list.length)}`,
    );
    console.log(
      `statements per summary: ${String(small.summary.length)}, ${String(large.summary.length)}; ` +
        `per unchanged tree (304): ${String(small.tree304.length)}, ${String(large.tree304.length)}`,
    );
    expect(large.list.length).toBe(small.list.length);
    expect(large.summary.length).toBe(small.summary.length);
    // The session, the plan, its tasks' change fingerprint (the ETag) and the set-based figures.
    expect(large.summary.length).toBeLessThanOrEqual(4);
    // The session (one joined statement) and the plan's revision.
    expect(large.tree304.length).toBeLessThanOrEqual(2);
    // The session, the plan's fingerprint (the page cache's validator), then the page with its reports and
    // its units' names in one statement: none reads the plan's every row. Unchanged, the page is answered
    // from the cache after the fingerprint: two statements.
    expect(large.list.length).toBeLessThanOrEqual(3);
    expect(large.listAgain.length).toBeLessThanOrEqual(2);
    expect(large.listAgain.length).toBeLessThan(large.list.length);
    expect(large.submit.length).toBe(small.submit.length);
    expect(large.accept.length).toBe(small.accept.length);
    // Nothing on the write path locks the plan row or reads every row of a plan table.
    for (const sent of [large.submit, large.accept]) {
      expect(sent.filter((s) => /from "?plans"?[^;]*for update/i.test(s))).toEqual([]);
      expect(sent.filter((s) => /not in/i.test(s))).toEqual([]);
    }
    // A submission for review leaves the task's status as it was (only accepted figures count): the session;
    // every check in one statement; the report with its actuals, its audit entry and the task's change count
    // in one, atomic by itself, so no BEGIN/COMMIT and no recompute.
    expect(large.submit.length).toBeLessThanOrEqual(3);
    expect(large.submit.filter((s) => /^(begin|commit)\b/i.test(s.trim()))).toEqual([]);
    // An acceptance: the session; BEGIN; the guarded update reading the row before, its plan and actuals;
    // the audit entry; the task's status locked, read and written; COMMIT.
    expect(large.accept.length).toBeLessThanOrEqual(8);
  }, 240_000);
});
