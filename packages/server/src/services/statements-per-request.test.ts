import type { PlanDetail, TaskDto } from '@yaodian/core';
import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
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

async function publishedPlan(tasks: number): Promise<{ taskIds: string[]; periodId: string }> {
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
  const published = await t.as(planner, {
    method: 'POST',
    url: `/api/plans/${draft.id}/publish`,
    payload: { version: draft.version },
  });
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
  return { taskIds, periodId };
}

/** The statements one submission sends, BEGIN/COMMIT and the session's included. */
async function submissionStatements(tasks: number): Promise<string[]> {
  const { taskIds, periodId } = await publishedPlan(tasks);
  const itemId = taskIds[Math.floor(taskIds.length / 2)] ?? '';
  recording = [];
  const response = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: { itemId, unitId: c.units.medical.id, periodId, percent: 40, submit: true },
  });
  const sent = recording;
  recording = null;
  expect(response.statusCode).toBe(201);
  // The status row of the submitted task moved; the others were neither recomputed nor rewritten.
  const listed = await t.as(planner, { method: 'GET', url: `/api/tasks?status=on_track` });
  expect(listed.json<{ tasks: TaskDto[] }>().tasks.map((x) => x.id)).toContain(itemId);
  return sent;
}

describe('SQL statements per request', () => {
  it('sends the same number of statements for a submission on a 150- and a 1,000-task plan, without a plan lock', async () => {
    const small = await submissionStatements(150);
    const large = await submissionStatements(1000);
    console.log(
      `statements per submission: 150 tasks ${String(small.length)}, 1,000 tasks ${String(large.length)}`,
    );
    expect(large.length).toBe(small.length);
    // Nothing on the write path locks the plan row or reads every row of a plan table.
    expect(large.filter((s) => /from "plans"[^;]*for update/i.test(s))).toEqual([]);
    expect(large.filter((s) => /not in/i.test(s))).toEqual([]);
    expect(large.length).toBeLessThanOrEqual(26);
  }, 240_000);
});
