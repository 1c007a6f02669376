import type { PlanDetail } from '@yaodian/core';
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

async function import001(): Promise<PlanDetail> {
  const { fileName, bytes } = corpusFile('001');
  const { payload, headers } = multipartFile(fileName, bytes);
  const response = await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
  expect(response.statusCode).toBe(201);
  return response.json<PlanDetail>();
}

/** Every item's own units and unmatched names, as comparable rows. */
function unitRows(plan: PlanDetail): string[] {
  return plan.items.flatMap((i) => [
    ...i.assignments.filter((a) => !a.inherited).map((a) => `${i.id} unit ${a.unitName} ${a.role}`),
    ...i.unmatchedUnits.map((u) => `${i.id} name ${u.name} ${u.role}`),
  ]);
}

const byTitle = (plan: PlanDetail, title: string) => {
  const found = plan.items.find((i) => i.title.includes(title));
  if (!found) throw new Error(`no item ${title}`);
  return found;
};

describe('settling one unmatched name on corpus 001', () => {
  it('changes that name’s rows and nothing else: item 二十 keeps its lead 科教科 and 委直属公立医院', async () => {
    const plan = await import001();
    const science = byTitle(plan, '健全科技创新体系');
    expect(science.unmatchedUnits).toEqual(
      expect.arrayContaining([
        { name: '科教科', role: 'lead' },
        { name: '基层卫生科', role: 'support' },
      ]),
    );
    const printed = plan.unmatchedUnits.find((u) => u.name === '基层卫生科');
    expect(printed?.itemIds.length).toBeGreaterThan(1);

    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/unmatched/resolve`,
      payload: { name: '基层卫生科', unitId: c.unit('基层卫生健康科'), version: plan.version },
    });
    expect(response.statusCode).toBe(200);
    const after = response.json<PlanDetail>();
    expect(after.unmatchedUnits.length).toBe(plan.unmatchedUnits.length - 1);

    // The only rows that changed: 基层卫生科 left each item that printed it, 基层卫生健康科 came in its role.
    const before = new Set(unitRows(plan));
    const now = new Set(unitRows(after));
    const removed = [...before].filter((r) => !now.has(r));
    const added = [...now].filter((r) => !before.has(r));
    expect(removed.every((r) => r.includes(' name 基层卫生科 '))).toBe(true);
    expect(added.every((r) => r.includes(' unit 基层卫生健康科 '))).toBe(true);
    expect(removed).toHaveLength(printed?.itemIds.length ?? -1);
    const scienceAfter = byTitle(after, '健全科技创新体系');
    expect(scienceAfter.unmatchedUnits).toEqual(
      expect.arrayContaining([
        { name: '科教科', role: 'lead' },
        { name: '委直属公立医院', role: 'support' },
      ]),
    );
    expect(scienceAfter.assignments.map((a) => [a.unitName, a.role])).toContainEqual([
      '基层卫生健康科',
      'support',
    ]);
  });

  it('keeps an item’s other unmatched names when its assignments are replaced without settling them', async () => {
    const plan = await import001();
    const science = byTitle(plan, '健全科技创新体系');
    const own = science.assignments
      .filter((a) => !a.inherited)
      .map((a) => ({ unitId: a.unitId, role: a.role }));
    const response = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${plan.id}/items/${science.id}/assignments`,
      payload: {
        version: science.version,
        assignments: [...own, { unitId: c.unit('人事科'), role: 'support' }].filter(
          (a, i, all) => all.findIndex((b) => b.unitId === a.unitId) === i,
        ),
      },
    });
    expect(response.statusCode).toBe(200);
    const names = byTitle(response.json<PlanDetail>(), '健全科技创新体系').unmatchedUnits.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['科教科', '委直属公立医院']));
  });

  it('lets a planner create the missing lead unit from the review, with the unit screen’s alias check', async () => {
    const plan = await import001();
    const clash = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/unmatched/create`,
      payload: {
        name: '科技教育科',
        kind: 'department',
        aliases: ['科教科', '医政科'],
        version: plan.version,
      },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'duplicate',
      field: 'aliases',
    });
    const created = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/unmatched/create`,
      payload: { name: '科技教育科', kind: 'department', aliases: ['科教科'], version: plan.version },
    });
    expect(created.statusCode).toBe(201);
    const science = byTitle(created.json<PlanDetail>(), '健全科技创新体系');
    expect(science.assignments.map((a) => [a.unitName, a.role])).toContainEqual(['科技教育科', 'lead']);
    expect(science.unmatchedUnits.map((u) => u.name)).not.toContain('科教科');
  });
});
