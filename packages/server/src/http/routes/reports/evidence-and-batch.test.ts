import type { PlanDetail, ReportDto } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { multipartFile, planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-02-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x20), Buffer.from('%%EOF')]);
const TASKS = ['推进紧密型县域医共体建设', '推进医保支付方式改革'] as const;

function upload(reportId: string, name: string, content: Buffer) {
  const { payload, headers } = multipartFile(name, content);
  return t.as(reporter, { method: 'POST', url: `/api/reports/${reportId}/attachments`, payload, headers });
}

async function create(p: PublishedPlan, title: string, month: number, submit: boolean) {
  return t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: p.item(title).id,
      unitId: c.units.medical.id,
      periodId: p.periods[month - 1]?.id,
      percent: 40,
      narrative: '已推进',
      submit,
    },
  });
}
const reportOf = (response: { json: () => unknown }): ReportDto =>
  (response.json() as { report: ReportDto }).report;

async function attachmentIds(reportId: string): Promise<string[]> {
  const list = await t.as(planner, { method: 'GET', url: `/api/reports/${reportId}/attachments` });
  return list.json<{ attachments: { id: string }[] }>().attachments.map((a) => a.id);
}

describe('evidence on a report', () => {
  it('removes a wrong attachment from a draft, and refuses to once the report is submitted', async () => {
    const p = await publishFixturePlan(t, planner);
    const draft = reportOf(await create(p, TASKS[0], 2, false));
    const wrong = (await upload(draft.id, '错误的文件.pdf', pdf)).json<{ id: string }>();
    const right = (await upload(draft.id, '会议纪要.pdf', pdf)).json<{ id: string }>();

    const removed = await t.as(reporter, { method: 'DELETE', url: `/api/attachments/${wrong.id}` });
    expect(removed.statusCode).toBe(200);
    expect(await attachmentIds(draft.id)).toEqual([right.id]);
    const download = await t.as(planner, { method: 'GET', url: `/api/attachments/${wrong.id}` });
    expect(download.statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', draft.id)
      .where('action', '=', 'attachment.delete')
      .execute();
    expect(audit).toHaveLength(1);

    await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${draft.id}/submit`,
      payload: { version: draft.version },
    });
    const refused = await t.as(reporter, { method: 'DELETE', url: `/api/attachments/${right.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'state_conflict' } });
    expect(await attachmentIds(draft.id)).toEqual([right.id]);
  });

  it('refuses to submit without an attachment when the plan requires evidence, and submits with one', async () => {
    const p = await publishFixturePlan(t, planner);
    const plan = (await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}` })).json<PlanDetail>();
    const patched = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}`,
      payload: { version: plan.version, settings: { evidenceRequired: true } },
    });
    expect(patched.json<PlanDetail>().settings.evidenceRequired).toBe(true);

    const atOnce = await create(p, TASKS[1], 2, true);
    expect(atOnce.statusCode).toBe(400);
    expect(atOnce.json()).toMatchObject({
      error: { code: 'validation_failed', field: 'attachments', details: [{ rule: 'evidence_required' }] },
    });

    const draft = reportOf(await create(p, TASKS[0], 2, false));
    const bare = await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${draft.id}/submit`,
      payload: { version: draft.version },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ error: { field: 'attachments' } });

    expect((await upload(draft.id, '佐证.pdf', pdf)).statusCode).toBe(201);
    const submitted = await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${draft.id}/submit`,
      payload: { version: draft.version },
    });
    expect(submitted.statusCode).toBe(200);
    expect(reportOf(submitted).state).toBe('submitted');
  });
});

describe('a report that already exists', () => {
  it('answers a colliding create with 409 and the existing report’s id', async () => {
    const p = await publishFixturePlan(t, planner);
    const first = reportOf(await create(p, TASKS[0], 3, true));
    const again = await create(p, TASKS[0], 3, true);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'duplicate', details: { reportId: first.id } } });
  });
});

describe('accepting several reports at once', () => {
  async function submittedPair(): Promise<[ReportDto, ReportDto]> {
    const p = await publishFixturePlan(t, planner);
    return [reportOf(await create(p, TASKS[0], 2, true)), reportOf(await create(p, TASKS[1], 2, true))];
  }
  const states = async (ids: string[]) =>
    (
      await t.db
        .selectFrom('progress_reports')
        .select(['id', 'state'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute()
    ).map((r) => r.state);

  it('accepts both in one request and records an audit entry for each', async () => {
    const [a, b] = await submittedPair();
    const response = await t.as(planner, {
      method: 'POST',
      url: '/api/reports/accept-batch',
      payload: { reports: [a, b].map((r) => ({ id: r.id, version: r.version })) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ reports: ReportDto[] }>().reports.map((r) => r.state)).toEqual([
      'accepted',
      'accepted',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'report.accept')
      .where('entity_id', 'in', [a.id, b.id])
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('accepts none when one report’s version is stale, and lists that one in the 409', async () => {
    const [a, b] = await submittedPair();
    // The reviewer read b, then someone else returned it and the reporter resubmitted: a newer version.
    await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${b.id}/return`,
      payload: { version: b.version, reason: '补充数据' },
    });
    const resubmitted = await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${b.id}/submit`,
      payload: { version: b.version + 1 },
    });
    expect(reportOf(resubmitted).state).toBe('submitted');

    const response = await t.as(planner, {
      method: 'POST',
      url: '/api/reports/accept-batch',
      payload: { reports: [a, b].map((r) => ({ id: r.id, version: r.version })) },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: {
        code: 'version_conflict',
        details: { stale: [{ id: b.id, reason: 'version', version: b.version + 2 }] },
      },
    });
    expect(await states([a.id, b.id])).toEqual(['submitted', 'submitted']);
  });

  it('accepts none when one of them is no longer awaiting review', async () => {
    const [a, b] = await submittedPair();
    await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${a.id}/return`,
      payload: { version: a.version, reason: '补充数据' },
    });
    const response = await t.as(planner, {
      method: 'POST',
      url: '/api/reports/accept-batch',
      payload: { reports: [a, b].map((r) => ({ id: r.id, version: r.version })) },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: { details: { stale: [{ id: a.id, reason: 'state', state: 'returned' }] } },
    });
    expect(await states([b.id])).toEqual(['submitted']);
  });
});

describe('what a refusal says', () => {
  it('names the field, the rule and its limit for text over its maximum', async () => {
    const p = await publishFixturePlan(t, planner);
    const response = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: p.item(TASKS[0]).id,
        unitId: c.units.medical.id,
        periodId: p.periods[1]?.id,
        percent: 140,
        narrative: '进'.repeat(10_001),
      },
    });
    expect(response.statusCode).toBe(400);
    const details = response.json<{ error: { details: unknown[] } }>().error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'narrative', rule: 'too_long', limit: 10_000 }),
        expect.objectContaining({ field: 'percent', rule: 'too_big', limit: 100 }),
      ]),
    );
    const rows = await t.db
      .selectFrom('progress_reports')
      .select('id')
      .where('item_id', '=', p.item(TASKS[0]).id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('says an empty file is empty and an oversized one states the limit in bytes', async () => {
    const p = await publishFixturePlan(t, planner);
    const draft = reportOf(await create(p, TASKS[0], 4, false));
    const empty = await upload(draft.id, '空文件.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { details: [{ field: 'file', rule: 'empty_file' }] } });
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70 * 1024, 0x20)]);
    const tooBig = await upload(draft.id, '大文件.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({
      error: {
        code: 'payload_too_large',
        details: [{ field: 'file', rule: 'file_too_large', limit: 64 * 1024 }],
      },
    });
  });
});
