import type { PlanDetail, PublishFindingDto } from '@yaodian/core';
import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, createCorpusCommission } from '../../../testing/corpus.js';
import { multipartFile } from '../../../testing/plan-fixture.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof createCorpusCommission>>;
let planner: Session;

beforeAll(async () => {
  t = await createTestApp({ readPlan: (bytes, options) => parsePlan(bytes, options) });
  c = await createCorpusCommission(t.db);
  planner = await t.login(c.users.planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function importFile(fileName: string, bytes: Buffer | string): Promise<PlanDetail> {
  const { payload, headers } = multipartFile(fileName, bytes);
  const response = await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
  expect(response.statusCode).toBe(201);
  return response.json<PlanDetail>();
}

async function importCorpus(id: string): Promise<PlanDetail> {
  const { fileName, bytes } = corpusFile(id);
  return importFile(fileName, bytes);
}

async function check(planId: string): Promise<PublishFindingDto[]> {
  const response = await t.as(planner, { method: 'GET', url: `/api/plans/${planId}/publish-check` });
  expect(response.statusCode).toBe(200);
  return response.json<{ findings: PublishFindingDto[] }>().findings;
}

const publish = (plan: PlanDetail, waivers: { key: string; reason: string }[] = []) =>
  t.as(planner, {
    method: 'POST',
    url: `/api/plans/${plan.id}/publish`,
    payload: { version: plan.version, waivers },
  });

async function publishAudit(planId: string): Promise<{ after: unknown }[]> {
  return t.db
    .selectFrom('audit_log')
    .select(['after'])
    .where('tenant_id', '=', c.tenant.id)
    .where('entity_id', '=', planId)
    .where('action', '=', 'plan.publish')
    .execute();
}

describe('publishing checks the plan first', () => {
  it('refuses corpus 000 (tasks without a unit) with 409 publish_findings listing each task', async () => {
    const plan = await importCorpus('000');
    const findings = await check(plan.id);
    const noUnit = findings.filter((f) => f.kind === 'task_without_unit');
    expect(noUnit.length).toBeGreaterThanOrEqual(10);

    const response = await publish(plan);
    expect(response.statusCode).toBe(409);
    const body = response.json<{ error: { code: string; details: { findings: PublishFindingDto[] } } }>();
    expect(body.error.code).toBe('publish_findings');
    expect(body.error.details.findings.map((f) => f.key)).toEqual(findings.map((f) => f.key));
    const after = await t.as(planner, { method: 'GET', url: `/api/plans/${plan.id}` });
    expect(after.json<PlanDetail>().status).toBe('draft');
    expect(await publishAudit(plan.id)).toHaveLength(0);
  });

  it('still refuses while one finding is left unwaived, and names only that one', async () => {
    const plan = await importCorpus('000');
    const findings = await check(plan.id);
    const [left, ...rest] = findings;
    const response = await publish(
      plan,
      rest.map((f) => ({ key: f.key, reason: '县区自行落实' })),
    );
    expect(response.statusCode).toBe(409);
    const open = response.json<{ error: { details: { findings: PublishFindingDto[] } } }>().error.details
      .findings;
    expect(open.map((f) => f.key)).toEqual([left?.key]);
  });

  it('publishes corpus 000 when every finding is waived with a reason, and the audit entry keeps the waivers', async () => {
    const plan = await importCorpus('000');
    const findings = await check(plan.id);
    const waivers = findings.map((f, i) => ({ key: f.key, reason: `由各县区落实 ${i}` }));
    const response = await publish(plan, waivers);
    expect(response.statusCode).toBe(200);
    expect(response.json<PlanDetail>().status).toBe('published');
    const [entry] = await publishAudit(plan.id);
    const recorded = (entry?.after as { waivers: { key: string; reason: string; kind: string }[] }).waivers;
    expect(recorded.map((w) => [w.key, w.reason])).toEqual(waivers.map((w) => [w.key, w.reason]));
    expect(recorded.some((w) => w.kind === 'task_without_unit')).toBe(true);
  });

  it('refuses a waiver with an empty reason (400)', async () => {
    const plan = await importCorpus('000');
    const [first] = await check(plan.id);
    const response = await publish(plan, [{ key: first?.key ?? '', reason: '   ' }]);
    expect(response.statusCode).toBe(400);
  });

  it('lists unmatched names and tasks without a lead on corpus 001', async () => {
    const plan = await importCorpus('001');
    const findings = await check(plan.id);
    const unmatched = findings.filter((f) => f.kind === 'unmatched_unit');
    expect(unmatched.length).toBe(plan.unmatchedUnits.reduce((n, u) => n + u.itemIds.length, 0));
    expect(unmatched.some((f) => f.name === '科教科')).toBe(true);
    expect(findings.some((f) => f.kind === 'task_without_lead' || f.kind === 'task_without_unit')).toBe(true);
    expect((await publish(plan)).statusCode).toBe(409);
  });

  it('publishes a clean plan without waivers, with an empty waiver list in the audit entry', async () => {
    const text = [
      '2026年卫生健康工作要点',
      '一、深化医改',
      '（一）推进紧密型县域医共体建设。县域内就诊率达到90%以上。（医政科牵头，规划信息科配合）',
      '（二）完善分级诊疗制度。（基层卫生健康科牵头）',
    ].join('\n');
    const plan = await importFile('clean.txt', text);
    expect(await check(plan.id)).toEqual([]);
    const response = await publish(plan);
    expect(response.statusCode).toBe(200);
    const [entry] = await publishAudit(plan.id);
    expect(entry?.after).toEqual({ status: 'published', waivers: [] });
  });
});
