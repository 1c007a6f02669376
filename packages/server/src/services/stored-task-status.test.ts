import type { ReportDto, TaskDto } from '@yaodian/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
import { planFixture } from '../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-02-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const storedStatus = (itemId: string) =>
  t.db
    .selectFrom('task_status')
    .selectAll()
    .where('tenant_id', '=', c.tenant.id)
    .where('item_id', '=', itemId)
    .executeTakeFirst();

async function submitted(itemTitle: string, percent: number, month: number): Promise<ReportDto> {
  const period = p.periods[month - 1];
  if (!period) throw new Error('no period');
  const response = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: p.item(itemTitle).id,
      unitId: c.units.medical.id,
      periodId: period.id,
      percent,
      submit: true,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ report: ReportDto }>().report;
}

const accept = (report: Pick<ReportDto, 'id' | 'version'>) =>
  t.as(planner, {
    method: 'POST',
    url: `/api/reports/${report.id}/accept`,
    payload: { version: report.version },
  });

async function task(itemId: string): Promise<TaskDto | undefined> {
  const response = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}` });
  return response.json<{ tasks: TaskDto[] }>().tasks.find((x) => x.id === itemId);
}

describe('stored task status', () => {
  it('stores every task’s status when the plan is published, before anyone reads it', async () => {
    const rows = await t.db
      .selectFrom('task_status')
      .select(['item_id', 'status', 'reason_code'])
      .where('tenant_id', '=', c.tenant.id)
      .where('plan_id', '=', p.plan.id)
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(Array(rows.length).fill('not_started'));
    expect(rows.length).toBe(5);
  });

  it('rewrites only the rows whose status changed when a report is accepted the same day', async () => {
    const rowsOf = () =>
      t.db
        .selectFrom('task_status')
        .select(['item_id', 'computed_at'])
        .where('tenant_id', '=', c.tenant.id)
        .where('plan_id', '=', p.plan.id)
        .execute();
    const before = new Map((await rowsOf()).map((r) => [r.item_id, new Date(r.computed_at).getTime()]));
    // Later the same day (within the session's idle time).
    t.clock.set('2026-02-10T02:10:00Z');
    const itemId = p.item('推进紧密型县域医共体建设').id;
    // Only accepted reports count (issue 7.2): submitting alone changes no status.
    await accept(await submitted('推进紧密型县域医共体建设', 30, 1));
    const after = await rowsOf();
    const rewritten = after.filter((r) => new Date(r.computed_at).getTime() !== before.get(r.item_id));
    expect(rewritten.map((r) => r.item_id)).toEqual([itemId]);
  });

  it('leaves the report submitted and the stored status as it was when storing the status fails', async () => {
    const itemId = p.item('推进医保支付方式改革').id;
    const report = await submitted('推进医保支付方式改革', 100, 12);
    const before = await storedStatus(itemId);
    // Submitted, not yet accepted: the 100% waits beside the status and does not count.
    expect(before).toMatchObject({ status: 'not_started', percent: null });
    // A stand-in for any failure inside the accept's transaction, raised by the status write itself.
    await sql`create function refuse_done() returns trigger language plpgsql as $$
      begin if new.status = 'done' then raise exception 'refused'; end if; return new; end $$`.execute(t.db);
    await sql`create trigger refuse_done before insert or update on task_status
      for each row execute function refuse_done()`.execute(t.db);
    try {
      expect((await accept(report)).statusCode).toBe(500);
    } finally {
      await sql`drop trigger refuse_done on task_status`.execute(t.db);
      await sql`drop function refuse_done()`.execute(t.db);
    }
    const state = await t.db
      .selectFrom('progress_reports')
      .select('state')
      .where('tenant_id', '=', c.tenant.id)
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('submitted');
    expect(await storedStatus(itemId)).toEqual(before);
  });

  it('stores done with its reason in the accept’s own transaction, and reads answer from the stored row', async () => {
    const itemId = p.item('推进医保支付方式改革').id;
    const report = await t.db
      .selectFrom('progress_reports')
      .select(['id', 'version'])
      .where('tenant_id', '=', c.tenant.id)
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect((await accept(report)).statusCode).toBe(200);
    expect(await storedStatus(itemId)).toMatchObject({
      status: 'done',
      reason_code: 'accepted_complete',
      reason: '已有审核通过的完成报告（100%）',
      percent: 100,
      computed_at: t.clock.now(),
    });
    await t.db
      .updateTable('task_status')
      .set({ reason: '已存的理由' })
      .where('tenant_id', '=', c.tenant.id)
      .where('item_id', '=', itemId)
      .execute();
    expect(await task(itemId)).toMatchObject({ status: 'done', statusReason: '已存的理由', percent: 100 });
  });

  it('turns a stored on-track row overdue by the daily job once the clock passes the deadline, not by a read', async () => {
    const itemId = p.item('推进紧密型县域医共体建设').id;
    await submitted('推进紧密型县域医共体建设', 30, 2);
    expect(await storedStatus(itemId)).toMatchObject({ status: 'on_track', reason_code: 'on_pace' });
    // Publishing queued the plan's first daily run (00:05 China time the next day), and the commission's
    // first reminder run (08:30).
    const queued = await t.db
      .selectFrom('jobs')
      .select(['name', 'run_at', 'state'])
      .where('tenant_id', '=', c.tenant.id)
      .orderBy('run_at')
      .execute();
    expect(queued).toEqual([
      { name: 'task-status.daily', run_at: new Date('2026-02-10T16:05:00Z'), state: 'pending' },
      { name: 'reminders.daily', run_at: new Date('2026-02-11T00:30:00Z'), state: 'pending' },
    ]);
    t.clock.set('2027-01-02T02:00:00Z');
    planner = await t.login(c.users.planner);
    // A read answers from the stored row and writes nothing…
    expect(await task(itemId)).toMatchObject({ status: 'on_track' });
    expect((await storedStatus(itemId))?.status).toBe('on_track');
    // …until the job due by the (moved) clock runs (beside the day's reminder run), and queues the next day's.
    expect(await t.runJobs()).toBe(2);
    expect(await storedStatus(itemId)).toMatchObject({
      status: 'overdue',
      reason_code: 'deadline_passed',
      computed_at: new Date('2027-01-02T02:00:00Z'),
    });
    const read = await task(itemId);
    expect(read).toMatchObject({ status: 'overdue', percent: 30 });
    expect(read?.statusReason).toContain('2026-12-31');
    const next = await t.db
      .selectFrom('jobs')
      .select(['key', 'run_at'])
      .where('tenant_id', '=', c.tenant.id)
      .where('state', '=', 'pending')
      .orderBy('run_at')
      .execute();
    expect(next).toEqual([
      { key: `task-status.daily:${p.plan.id}:2027-01-03`, run_at: new Date('2027-01-02T16:05:00Z') },
      { key: 'reminders.daily:2027-01-03', run_at: new Date('2027-01-03T00:30:00Z') },
    ]);
    expect(await t.runJobs()).toBe(0);
  });
});
