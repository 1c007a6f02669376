import fs from 'node:fs/promises';
import path from 'node:path';
import { parsePlan } from '@yaodian/parser';
import type { PlanDetail, ReportDto, TargetHistory, YearLinkDto, YearLinkList } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { multipartFile } from '../../../testing/plan-fixture.js';
import { publishWaivingAll } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';
import { FIXTURE_DIR } from '../../../testing/year-fixtures.js';

/*
 * Year over year over the API, on the 青禾县 fixture parsed by the real plan engine: 2025 is published and
 * reported on (accepted and returned actuals), 2026 is imported as a draft; links are proposed, confirmed
 * (baselines from accepted actuals only) and rejected; unfinished tasks are carried forward (idempotently);
 * a target's history runs back through the confirmed link.
 */
let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let last: PlanDetail;
let draft: PlanDetail;

async function importFixture(file: string): Promise<PlanDetail> {
  const text = await fs.readFile(path.join(FIXTURE_DIR, file));
  const { payload, headers } = multipartFile(file, text);
  const response = await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<PlanDetail>();
}

const itemOf = (plan: PlanDetail, title: string) => {
  const item = plan.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item ${title}`);
  return item;
};
const targetOf = (plan: PlanDetail, title: string) => {
  const target = itemOf(plan, title).targets[0];
  if (!target) throw new Error(`no target on ${title}`);
  return target;
};

/** The reporter's report on a 2025 task with one actual, submitted, then accepted or returned. */
async function report(title: string, periodId: string, value: number, outcome: 'accept' | 'return') {
  const created = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: itemOf(last, title).id,
      unitId: c.units.medical.id,
      periodId,
      percent: 50,
      submit: true,
      actuals: [{ targetId: targetOf(last, title).id, value, note: '' }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const r = created.json<{ report: ReportDto }>().report;
  const decided = await t.as(planner, {
    method: 'POST',
    url: `/api/reports/${r.id}/${outcome}`,
    payload: outcome === 'accept' ? { version: r.version } : { version: r.version, reason: '数据无佐证' },
  });
  expect(decided.statusCode, decided.body).toBe(200);
}

async function links(): Promise<YearLinkList> {
  const response = await t.as(planner, { method: 'GET', url: `/api/plans/${draft.id}/year-links` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<YearLinkList>();
}

const linkTo = (list: YearLinkList, currentTitle: string): YearLinkDto => {
  const link = list.links.find((l) => l.current.title === currentTitle);
  if (!link) throw new Error(`no link to ${currentTitle}`);
  return link;
};

async function decide(decisions: { id: string; version: number; status: 'confirmed' | 'rejected' }[]) {
  return t.as(planner, {
    method: 'POST',
    url: `/api/plans/${draft.id}/year-links/decisions`,
    payload: { decisions },
  });
}

beforeAll(async () => {
  t = await createTestApp({
    readPlan: (bytes, options) => parsePlan(bytes, options),
    now: '2025-12-20T02:00:00Z',
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  const imported = await importFixture('qinghe-2025.txt');
  const published = await publishWaivingAll(t, planner, imported);
  expect(published.statusCode, published.body).toBe(200);
  last = published.json<PlanDetail>();
  const periods = await t.as(planner, {
    method: 'POST',
    url: `/api/plans/${last.id}/periods`,
    payload: { kind: 'monthly', dueDay: 25 },
  });
  const [p1, p2] = periods.json<{ periods: { id: string }[] }>().periods;
  if (!p1 || !p2) throw new Error('no periods');
  // 县域内就诊率: two accepted actuals, the later one is the baseline.
  await report('推进紧密型县域医共体建设', p1.id, 80, 'accept');
  await report('推进紧密型县域医共体建设', p2.id, 86.5, 'accept');
  // 互认项目: accepted 90, then a returned 120 that must never become a baseline.
  await report('推行检查检验结果互认', p1.id, 90, 'accept');
  await report('推行检查检验结果互认', p2.id, 120, 'return');
  // 集采: only a returned actual, so no baseline at all.
  await report('抓好药品耗材集中带量采购落地', p1.id, 95, 'return');
  t.clock.set('2026-02-20T02:00:00Z');
  planner = await t.login(c.users.planner);
  draft = await importFixture('qinghe-2026.txt');
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('year over year', () => {
  it('offers last year’s published plan to compare with, and no links before proposing', async () => {
    const list = await links();
    expect(list.candidates.map((p) => p.id)).toEqual([last.id]);
    expect(list.previousPlan).toBeNull();
    expect(list.links).toEqual([]);
  });

  it('proposes links with scores and reasons, most continuing tasks linked to their reworded successors', async () => {
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/year-links/propose`,
      payload: { previousPlanId: last.id },
    });
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<YearLinkList>();
    expect(list.previousPlan?.year).toBe(2025);
    expect(list.links.length).toBeGreaterThanOrEqual(27);
    const link = linkTo(list, '全面推进县域医共体紧密型建设');
    expect(link.previous.title).toBe('推进紧密型县域医共体建设');
    expect(link.status).toBe('proposed');
    expect(link.reasons).toContain('metric_same');
    expect(link.targets[0]?.previous.metric).toBe('县域内就诊率');
    // Proposing again replaces the proposals with the same ones.
    const again = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/year-links/propose`,
      payload: { previousPlanId: last.id },
    });
    expect(again.json<YearLinkList>().links.length).toBe(list.links.length);
  });

  it('refuses a later or draft plan as the previous one', async () => {
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${last.id}/year-links/propose`,
      payload: { previousPlanId: draft.id },
    });
    expect(response.statusCode).toBe(400);
  });

  it('confirms links: a target without a baseline takes last year’s latest accepted actual, never a returned one', async () => {
    const list = await links();
    const chosen = [
      '全面推进县域医共体紧密型建设',
      '扩大医学检查检验结果互认范围',
      '落实集中带量采购政策',
    ].map((title) => linkTo(list, title));
    const response = await decide(chosen.map((l) => ({ id: l.id, version: l.version, status: 'confirmed' })));
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json<YearLinkList>();
    const [medical, mutual, procurement] = [
      linkTo(after, '全面推进县域医共体紧密型建设'),
      linkTo(after, '扩大医学检查检验结果互认范围'),
      linkTo(after, '落实集中带量采购政策'),
    ];
    expect(medical.status).toBe('confirmed');
    expect(medical.targets[0]?.baseline?.value).toBe(86.5);
    expect(mutual.targets[0]?.baseline?.value).toBe(90);
    expect(procurement.targets[0]?.baseline ?? null).toBeNull();
    const plan = (await t.as(planner, { method: 'GET', url: `/api/plans/${draft.id}` })).json<PlanDetail>();
    expect(targetOf(plan, '全面推进县域医共体紧密型建设').baseline).toBe(86.5);
    expect(targetOf(plan, '扩大医学检查检验结果互认范围').baseline).toBe(90);
    expect(targetOf(plan, '落实集中带量采购政策').baseline).toBeNull();
  });

  it('refuses a decision at a stale version (409) and changes nothing', async () => {
    const link = linkTo(await links(), '健全公立医院薪酬分配制度');
    const ok = await decide([{ id: link.id, version: link.version, status: 'rejected' }]);
    expect(ok.statusCode).toBe(200);
    const stale = await decide([{ id: link.id, version: link.version, status: 'confirmed' }]);
    expect(stale.statusCode).toBe(409);
    expect(linkTo(await links(), '健全公立医院薪酬分配制度').status).toBe('rejected');
  });

  it('keeps decided links when proposing again', async () => {
    await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/year-links/propose`,
      payload: { previousPlanId: last.id },
    });
    const list = await links();
    expect(linkTo(list, '健全公立医院薪酬分配制度').status).toBe('rejected');
    expect(linkTo(list, '全面推进县域医共体紧密型建设').status).toBe('confirmed');
  });

  it('carries an unfinished task forward once: copied with units and targets, linked, and not again', async () => {
    const before = await links();
    const dropped = before.unfinished.find((u) => u.title === '规范无偿献血工作');
    if (!dropped) throw new Error('the dropped task is not listed as unfinished');
    const carry = () =>
      t.as(planner, {
        method: 'POST',
        url: `/api/plans/${draft.id}/carry-forward`,
        payload: { previousPlanId: last.id, itemIds: [dropped.itemId] },
      });
    const first = await carry();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ carried: number }>().carried).toBe(1);
    const second = await carry();
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<{ carried: number }>().carried).toBe(0);
    const plan = (await t.as(planner, { method: 'GET', url: `/api/plans/${draft.id}` })).json<PlanDetail>();
    const copies = plan.items.filter((i) => i.title === '规范无偿献血工作');
    expect(copies).toHaveLength(1);
    const section = plan.items.find((i) => i.id === copies[0]?.parentId);
    // The fixture's sections run 一 … 六, so the carried tasks' section is the seventh.
    expect([section?.number, section?.title]).toEqual(['七', '上年结转任务']);
    expect(copies[0]?.targets.map((x) => x.metric)).toEqual(['无偿献血量']);
    const link = linkTo(second.json<YearLinkList>(), '规范无偿献血工作');
    expect([link.origin, link.status]).toEqual(['carried', 'confirmed']);
    expect(second.json<YearLinkList>().unfinished.some((u) => u.itemId === dropped.itemId)).toBe(false);
  });

  it('refuses to carry a task that is not one of last year’s unfinished tasks (400), copying nothing', async () => {
    const before = (await t.as(planner, { method: 'GET', url: `/api/plans/${draft.id}` })).json<PlanDetail>();
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/carry-forward`,
      payload: { previousPlanId: last.id, itemIds: [itemOf(draft, '加强卫生健康宣传和健康科普').id] },
    });
    expect(response.statusCode).toBe(400);
    const after = (await t.as(planner, { method: 'GET', url: `/api/plans/${draft.id}` })).json<PlanDetail>();
    expect(after.items.length).toBe(before.items.length);
  });

  it('shows a target’s metric across years through the confirmed link', async () => {
    const plan = (await t.as(planner, { method: 'GET', url: `/api/plans/${draft.id}` })).json<PlanDetail>();
    const target = targetOf(plan, '全面推进县域医共体紧密型建设');
    const response = await t.as(planner, { method: 'GET', url: `/api/targets/${target.id}/history` });
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json<TargetHistory>();
    expect(history.years.map((y) => [y.year, y.value, y.actual])).toEqual([
      [2026, 90, null],
      [2025, 88, 86.5],
    ]);
  });
});
