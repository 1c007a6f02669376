import type { ReportDto, TaskDto } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { multipartFile, planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { ensureStatusJobs } from '../../../jobs/task-status-jobs.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

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

const period = (month: number) => {
  const found = p.periods[month - 1];
  if (!found) throw new Error('no period');
  return found;
};

async function draft(
  itemTitle: string,
  month: number,
  extra: Record<string, unknown> = {},
  session = reporter,
  headers: Record<string, string> = {},
) {
  return t.as(session, {
    method: 'POST',
    url: '/api/reports',
    headers,
    payload: {
      itemId: p.item(itemTitle).id,
      unitId: c.units.medical.id,
      periodId: period(month).id,
      percent: 30,
      narrative: '已完成方案起草',
      ...extra,
    },
  });
}

describe('progress reports', () => {
  it('opens twelve monthly periods due on the 25th', () => {
    expect(p.periods).toHaveLength(12);
    expect(period(2)).toMatchObject({ label: '2026年2月', dueOn: '2026-02-25', endsOn: '2026-02-28' });
  });

  it('moves a period’s due date but never before the period starts', async () => {
    const december = period(12);
    const moved = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}/periods/${december.id}`,
      payload: { dueOn: '2026-12-20' },
    });
    expect(moved.json()).toMatchObject({ dueOn: '2026-12-20', label: '2026年12月' });
    const early = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}/periods/${december.id}`,
      payload: { dueOn: '2026-11-30' },
    });
    expect(early.json()).toMatchObject({ error: { code: 'validation_failed', field: 'dueOn' } });
  });

  it('creates a draft for the reporter’s own unit with target actuals', async () => {
    const target = p.item('推进紧密型县域医共体建设').targets[0];
    const response = await draft('推进紧密型县域医共体建设', 1, {
      actuals: [{ targetId: target?.id, value: 82.5 }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ report: ReportDto }>().report).toMatchObject({
      state: 'draft',
      percent: 30,
      version: 1,
      actuals: [{ targetId: target?.id, value: 82.5, note: '' }],
    });
  });

  it('returns 403 when a reporter submits for another unit’s task', async () => {
    const other = await t.login(c.users.otherReporter);
    const response = await draft('推进紧密型县域医共体建设', 2, {}, other);
    expect(response.statusCode).toBe(403);
    const maternalUnitOnWrongTask = await t.as(other, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: p.item('推进紧密型县域医共体建设').id,
        unitId: c.units.maternal.id,
        periodId: period(2).id,
        percent: 10,
      },
    });
    expect(maternalUnitOnWrongTask.statusCode).toBe(403);
  });

  it('refuses a second report for the same task, unit and period', async () => {
    expect((await draft('推进医保支付方式改革', 1)).statusCode).toBe(201);
    const again = await draft('推进医保支付方式改革', 1);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'duplicate' } });
  });

  it('never duplicates a create-and-submit retried with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await draft('推进紧密型县域医共体建设', 3, { submit: true }, reporter, headers);
    const retry = await draft('推进紧密型县域医共体建设', 3, { submit: true }, reporter, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<{ report: ReportDto }>().report.id).toBe(first.json<{ report: ReportDto }>().report.id);
    const count = await t.db
      .selectFrom('progress_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('period_id', '=', period(3).id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('answers two simultaneous copies of one create-and-submit with one report', async () => {
    const headers = { 'idempotency-key': 'race-key-000001' };
    const [a, b] = await Promise.all([
      draft('推进医保支付方式改革', 5, { submit: true }, reporter, headers),
      draft('推进医保支付方式改革', 5, { submit: true }, reporter, headers),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json<{ report: ReportDto }>().report.id).toBe(b.json<{ report: ReportDto }>().report.id);
    const rows = await t.db
      .selectFrom('progress_reports')
      .select('id')
      .where('idempotency_key', '=', 'race-key-000001')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('submits a draft once; the same Idempotency-Key on a retry returns the same report', async () => {
    const created = (await draft('推进紧密型县域医共体建设', 4)).json<{ report: ReportDto }>().report;
    const submit = () =>
      t.as(reporter, {
        method: 'POST',
        url: `/api/reports/${created.id}/submit`,
        headers: { 'idempotency-key': 'submit-key-0004' },
        payload: { version: created.version },
      });
    const first = await submit();
    const retry = await submit();
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<{ report: ReportDto }>().report).toEqual(first.json<{ report: ReportDto }>().report);
    expect(first.json<{ report: ReportDto }>().report.state).toBe('submitted');
  });

  it('answers two simultaneous submissions of one draft with the same Idempotency-Key alike', async () => {
    const created = (await draft('推进医保支付方式改革', 7)).json<{ report: ReportDto }>().report;
    const submit = () =>
      t.as(reporter, {
        method: 'POST',
        url: `/api/reports/${created.id}/submit`,
        headers: { 'idempotency-key': 'submit-race-0007' },
        payload: { version: created.version },
      });
    const [a, b] = await Promise.all([submit(), submit()]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json<{ report: ReportDto }>().report).toEqual(b.json<{ report: ReportDto }>().report);
  });

  it('lets the planner return a report with a reason, the reporter fix and resubmit it, and the planner accept it', async () => {
    const created = (await draft('推进紧密型县域医共体建设', 5, { submit: true })).json<{
      report: ReportDto;
    }>().report;
    const noReason = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${created.id}/return`,
      payload: { version: created.version, reason: ' ' },
    });
    expect(noReason.json()).toMatchObject({ error: { code: 'validation_failed', field: 'reason' } });
    const returned = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${created.id}/return`,
      payload: { version: created.version, reason: '请补充佐证材料' },
    });
    expect(returned.json<{ report: ReportDto }>().report).toMatchObject({
      state: 'returned',
      returnReason: '请补充佐证材料',
    });
    const edited = await t.as(reporter, {
      method: 'PATCH',
      url: `/api/reports/${created.id}`,
      payload: { version: created.version + 1, narrative: '已补充会议纪要', percent: 45 },
    });
    expect(edited.statusCode).toBe(200);
    const resubmitted = await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${created.id}/submit`,
      payload: { version: created.version + 2 },
    });
    expect(resubmitted.json<{ report: ReportDto }>().report.state).toBe('submitted');
    const accepted = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${created.id}/accept`,
      payload: { version: created.version + 3 },
    });
    expect(accepted.json<{ report: ReportDto }>().report).toMatchObject({
      state: 'accepted',
      percent: 45,
      narrative: '已补充会议纪要',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report.submit',
      'report.return',
      'report.update',
      'report.submit',
      'report.accept',
    ]);
  });

  it('answers 409 to accepting a draft and to a stale version', async () => {
    const created = (await draft('推进紧密型县域医共体建设', 6)).json<{ report: ReportDto }>().report;
    expect(
      (
        await t.as(planner, {
          method: 'POST',
          url: `/api/reports/${created.id}/accept`,
          payload: { version: created.version },
        })
      ).json(),
    ).toMatchObject({ error: { code: 'state_conflict' } });
    const stale = await t.as(reporter, {
      method: 'PATCH',
      url: `/api/reports/${created.id}`,
      payload: { version: created.version + 3, percent: 50 },
    });
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
  });

  it('names the field for a percent out of range and a target from another task', async () => {
    const tooMuch = await draft('推进紧密型县域医共体建设', 7, { percent: 120 });
    expect(tooMuch.json()).toMatchObject({ error: { code: 'validation_failed', field: 'percent' } });
    const foreign = p.item('强化妇幼健康服务').targets[0];
    const wrongTarget = await draft('推进紧密型县域医共体建设', 7, {
      actuals: [{ targetId: foreign?.id, value: 1 }],
    });
    expect(wrongTarget.json()).toMatchObject({
      error: { code: 'validation_failed', field: 'actuals.0.targetId' },
    });
  });

  it('hides another unit’s drafts from a reporter but shows them to the planner', async () => {
    const created = (await draft('推进紧密型县域医共体建设', 8)).json<{ report: ReportDto }>().report;
    const other = await t.login(c.users.otherReporter);
    expect((await t.as(other, { method: 'GET', url: `/api/reports/${created.id}` })).statusCode).toBe(404);
    expect((await t.as(planner, { method: 'GET', url: `/api/reports/${created.id}` })).statusCode).toBe(200);
  });
});

describe('evidence attachments', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF')]);
  const upload = (session: Session, reportId: string, name: string, content: Buffer) => {
    const { payload, headers } = multipartFile(name, content);
    return t.as(session, { method: 'POST', url: `/api/reports/${reportId}/attachments`, payload, headers });
  };

  it('stores a PDF on the reporter’s draft, lists it and serves the same bytes back', async () => {
    const report = (await draft('推进紧密型县域医共体建设', 9)).json<{ report: ReportDto }>().report;
    const created = await upload(reporter, report.id, '会议纪要.pdf', pdf);
    expect(created.statusCode).toBe(201);
    const attachment = created.json<{ id: string; mediaType: string; sizeBytes: number; fileName: string }>();
    expect(attachment).toMatchObject({
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      fileName: '会议纪要.pdf',
    });
    const list = await t.as(planner, { method: 'GET', url: `/api/reports/${report.id}/attachments` });
    expect(list.json<{ attachments: { id: string }[] }>().attachments.map((a) => a.id)).toEqual([
      attachment.id,
    ]);
    const download = await t.as(planner, { method: 'GET', url: `/api/attachments/${attachment.id}` });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
  });

  it('refuses a file whose content is not an accepted type, whatever its name', async () => {
    const report = (await draft('推进紧密型县域医共体建设', 10)).json<{ report: ReportDto }>().report;
    const response = await upload(
      reporter,
      report.id,
      'evidence.pdf',
      Buffer.from('MZ\u0090\u0000 this is a program'),
    );
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type', field: 'file' } });
    const rows = await t.db
      .selectFrom('attachments')
      .select('id')
      .where('report_id', '=', report.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses a file over the size limit with 413', async () => {
    const report = (await draft('推进紧密型县域医共体建设', 11)).json<{ report: ReportDto }>().report;
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70 * 1024, 0x20)]);
    expect((await upload(reporter, report.id, 'big.pdf', big)).statusCode).toBe(413);
  });

  it('returns 403 to another unit’s reporter and 409 once the report is submitted', async () => {
    const report = (await draft('推进紧密型县域医共体建设', 12)).json<{ report: ReportDto }>().report;
    const other = await t.login(c.users.otherReporter);
    expect((await upload(other, report.id, 'x.pdf', pdf)).statusCode).toBe(403);
    await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${report.id}/submit`,
      payload: { version: report.version },
    });
    expect((await upload(reporter, report.id, 'x.pdf', pdf)).statusCode).toBe(409);
  });
});

describe('tasks', () => {
  it('lists leaf tasks with lead and support units, inherited where a child has none', async () => {
    const response = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}` });
    const tasks = response.json<{ tasks: TaskDto[] }>().tasks;
    expect(tasks.map((x) => x.title)).toEqual([
      '推进紧密型县域医共体建设',
      '扩大家庭医生签约服务覆盖面',
      '规范双向转诊流程',
      '强化妇幼健康服务',
      '推进医保支付方式改革',
    ]);
    const child = tasks.find((x) => x.title === '规范双向转诊流程');
    expect(child).toMatchObject({
      sectionTitle: '深化医药卫生体制改革',
      leadUnits: [{ name: '体制改革科' }],
    });
  });

  it('filters by unit, status and text, and lists the caller’s own tasks', async () => {
    const byUnit = (
      await t.as(planner, {
        method: 'GET',
        url: `/api/tasks?planId=${p.plan.id}&unitId=${c.units.maternal.id}`,
      })
    ).json<{ tasks: TaskDto[] }>().tasks;
    expect(byUnit.map((x) => x.title)).toEqual(['强化妇幼健康服务']);
    const byText = (
      await t.as(planner, {
        method: 'GET',
        url: `/api/tasks?planId=${p.plan.id}&q=${encodeURIComponent('转诊')}`,
      })
    ).json<{ tasks: TaskDto[] }>().tasks;
    expect(byText.map((x) => x.title)).toEqual(['规范双向转诊流程']);
    const mine = (await t.as(reporter, { method: 'GET', url: '/api/my/tasks' })).json<{ tasks: TaskDto[] }>()
      .tasks;
    expect(mine.map((x) => x.title).sort()).toEqual(
      ['推进医保支付方式改革', '推进紧密型县域医共体建设'].sort(),
    );
    const notStarted = (
      await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}&status=not_started` })
    ).json<{ tasks: TaskDto[] }>().tasks;
    expect(notStarted.map((x) => x.title)).toContain('强化妇幼健康服务');
  });

  it('marks a task behind once a period closes without an accepted report, by the injected clock', async () => {
    const before = (
      await t.as(planner, {
        method: 'GET',
        url: `/api/tasks?planId=${p.plan.id}&unitId=${c.units.maternal.id}`,
      })
    ).json<{ tasks: TaskDto[] }>().tasks[0];
    expect(before?.status).toBe('not_started');
    t.clock.set('2026-02-26T02:00:00Z');
    planner = await t.login(c.users.planner);
    // Time alone changes the status through the daily job, due by the moved clock (the day's reminder
    // run is due too).
    expect(await t.runJobs()).toBe(2);
    const after = (
      await t.as(planner, {
        method: 'GET',
        url: `/api/tasks?planId=${p.plan.id}&unitId=${c.units.maternal.id}`,
      })
    ).json<{ tasks: TaskDto[] }>().tasks[0];
    expect(after).toMatchObject({ status: 'behind' });
    expect(after?.statusReason).toContain('报告期');
    // Back in time for the tests below: a recompute for that day, as a server started then would queue.
    t.clock.set('2026-02-10T02:00:00Z');
    expect(await ensureStatusJobs(t.db, t.clock.now())).toBe(1);
    expect(await t.runJobs()).toBe(1);
    planner = await t.login(c.users.planner);
    reporter = await t.login(c.users.reporter);
  });

  it('marks a task done once a 100% report is accepted', async () => {
    const response = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: p.item('推进医保支付方式改革').id,
        unitId: c.units.medical.id,
        // The last month, so no other test's report is later than this one.
        periodId: period(12).id,
        percent: 100,
        narrative: '已全面完成',
        submit: true,
      },
    });
    const report = response.json<{ report: ReportDto }>().report;
    await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      payload: { version: report.version },
    });
    const done = (
      await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}&status=done` })
    ).json<{ tasks: TaskDto[] }>().tasks;
    expect(done.map((x) => [x.title, x.percent, x.latestNarrative])).toEqual([
      ['推进医保支付方式改革', 100, '已全面完成'],
    ]);
  });
});

describe('which items take reports', () => {
  it('refuses a report on a section heading, naming itemId', async () => {
    const response = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: p.item('深化医药卫生体制改革').id,
        unitId: c.units.medical.id,
        periodId: period(1).id,
        percent: 5,
      },
    });
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed', field: 'itemId' } });
  });

  it('makes a parent the planner marks the task, and its children steps that take no reports', async () => {
    const parent = p.item('完善分级诊疗制度');
    const marked = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}/items/${parent.id}`,
      payload: { version: parent.version, isTask: true },
    });
    expect(marked.statusCode).toBe(200);
    const tasks = (await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}` })).json<{
      tasks: TaskDto[];
    }>().tasks;
    expect(tasks.map((x) => x.title)).toContain('完善分级诊疗制度');
    expect(tasks.map((x) => x.title)).not.toContain('规范双向转诊流程');
    const onChild = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: p.item('规范双向转诊流程').id,
        unitId: c.units.medical.id,
        periodId: period(1).id,
        percent: 5,
      },
    });
    expect(onChild.json()).toMatchObject({ error: { field: 'itemId' } });
    // The marked parent inherits 体制改革科 from its section, so the 医政 reporter may not report on it.
    const onParent = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: { itemId: parent.id, unitId: c.units.medical.id, periodId: period(1).id, percent: 5 },
    });
    expect(onParent.statusCode).toBe(403);
  });
});
