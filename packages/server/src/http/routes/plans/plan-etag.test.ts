import type { PlanDetail, ReportDto } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let admin: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-04-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  admin = await t.login(c.users.admin);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const tree = (etag?: string) =>
  t.as(planner, {
    method: 'GET',
    url: `/api/plans/${p.plan.id}`,
    ...(etag ? { headers: { 'if-none-match': etag } } : {}),
  });
const summary = (etag?: string) =>
  t.as(planner, {
    method: 'GET',
    url: `/api/plans/${p.plan.id}/summary`,
    ...(etag ? { headers: { 'if-none-match': etag } } : {}),
  });

async function submit(title: string, month: number, percent: number): Promise<ReportDto> {
  const response = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: p.item(title).id,
      unitId: c.units.medical.id,
      periodId: p.periods[month - 1]?.id ?? '',
      percent,
      submit: true,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ report: ReportDto }>().report;
}

/** A medical-led task of the fixture plan. */
function medicalTask(): string {
  const task = p.plan.items.find((i) =>
    i.assignments.some((a) => a.unitId === c.units.medical.id && a.role === 'lead' && !a.inherited),
  );
  if (!task) throw new Error('no medical task');
  return task.title;
}

describe('ETags of a plan’s tree and summary', () => {
  it('answers 304 without a body to an unchanged tree and summary, and 200 with a new ETag once they change', async () => {
    const firstTree = await tree();
    const firstSummary = await summary();
    const treeTag = firstTree.headers.etag as string;
    const summaryTag = firstSummary.headers.etag as string;
    expect(treeTag).toMatch(/^"t-/);
    expect(summaryTag).toMatch(/^"s-/);
    expect(firstTree.headers['cache-control']).toBe('private, no-cache');
    const unchanged = await tree(treeTag);
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    // No Content-Length either: a keep-alive client that honours one would wait for bytes a 304 never carries.
    expect(unchanged.headers['content-length']).toBeUndefined();
    const unchangedSummary = await summary(`W/${summaryTag}, "other"`);
    expect(unchangedSummary.statusCode).toBe(304);
    expect(unchangedSummary.headers['content-length']).toBeUndefined();

    // A submission moves the summary (a report waits for review), not the tree.
    const title = medicalTask();
    const report = await submit(title, 3, 50);
    expect((await tree(treeTag)).statusCode).toBe(304);
    const afterSubmit = await summary(summaryTag);
    expect(afterSubmit.statusCode).toBe(200);
    expect(afterSubmit.json<{ reports: { pending: number } }>().reports.pending).toBe(
      firstSummary.json<{ reports: { pending: number } }>().reports.pending + 1,
    );
    const submittedTag = afterSubmit.headers.etag as string;
    expect(submittedTag).not.toBe(summaryTag);

    // Accepting it moves the summary again.
    const accepted = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      payload: { version: report.version },
    });
    expect(accepted.statusCode).toBe(200);
    const afterAccept = await summary(submittedTag);
    expect(afterAccept.statusCode).toBe(200);
    expect(afterAccept.json<{ reports: { accepted: number } }>().reports.accepted).toBe(1);

    // Editing an item moves the tree.
    const item = p.item(title);
    const edited = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}/items/${item.id}`,
      payload: { version: item.version, text: `${item.text}（已修订）` },
    });
    expect(edited.statusCode).toBe(200);
    const afterEdit = await tree(treeTag);
    expect(afterEdit.statusCode).toBe(200);
    expect(afterEdit.json<PlanDetail>().items.find((i) => i.id === item.id)?.text).toContain('已修订');

    // Renaming a unit moves both: they show units by name.
    const editTreeTag = afterEdit.headers.etag as string;
    const editSummaryTag = (await summary()).headers.etag as string;
    const renamed = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${c.units.medical.id}`,
      payload: { name: '医政医管处' },
    });
    expect(renamed.statusCode).toBe(200);
    const renamedTree = await tree(editTreeTag);
    expect(renamedTree.statusCode).toBe(200);
    expect(renamedTree.body).toContain('医政医管处');
    const renamedSummary = await summary(editSummaryTag);
    expect(renamedSummary.statusCode).toBe(200);
    expect(renamedSummary.body).toContain('医政医管处');
  });

  it('computes the same summary in the database as from the whole board, which answers without an ETag', async () => {
    const other = await submit(medicalTask(), 2, 30);
    const returned = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${other.id}/return`,
      payload: { version: other.version, reason: '请补充材料' },
    });
    expect(returned.statusCode).toBe(200);
    const stored = await summary();
    expect(stored.statusCode).toBe(200);
    const figures = stored.json<{ reports: { returned: number }; bySection: unknown[]; byUnit: unknown[] }>();
    expect(figures.reports.returned).toBe(1);
    expect(figures.bySection.length).toBeGreaterThan(1);
    expect(figures.byUnit.length).toBeGreaterThan(1);
    // Without stored statuses (a restored backup before the start-up job), the summary comes from the board.
    await t.db
      .deleteFrom('task_status')
      .where('tenant_id', '=', c.tenant.id)
      .where('plan_id', '=', p.plan.id)
      .execute();
    const fromBoard = await summary(stored.headers.etag);
    expect(fromBoard.statusCode).toBe(200);
    expect(fromBoard.headers.etag).toBeUndefined();
    expect(fromBoard.json()).toEqual(stored.json());
  });
});
