import type { PlanDetail } from '@yaodian/core';
import { ParseError } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { multipartFile, planFixture } from '../../../testing/plan-fixture.js';
import { publishWaivingAll } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;

beforeAll(async () => {
  t = await createTestApp({
    readPlan: (bytes) => {
      const text = Buffer.from(bytes).toString('utf8');
      if (text === 'garbage')
        return Promise.reject(new ParseError('unsupported_format', 'not a plan document'));
      return Promise.resolve(planFixture());
    },
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function importPlan(session = planner): Promise<PlanDetail> {
  const { payload, headers } = multipartFile('2026年工作要点.txt', '一、深化医药卫生体制改革');
  const response = await t.as(session, { method: 'POST', url: '/api/plans', payload, headers });
  expect(response.statusCode).toBe(201);
  return response.json<PlanDetail>();
}

const byTitle = (plan: PlanDetail, title: string) => {
  const found = plan.items.find((i) => i.title === title);
  if (!found) throw new Error(`no item ${title}`);
  return found;
};

describe('plan import', () => {
  it('turns an upload into a draft plan with its tree in pre-order, source hash and warnings', async () => {
    const plan = await importPlan();
    expect(plan).toMatchObject({
      title: '2026年全市卫生健康工作要点',
      year: 2026,
      status: 'draft',
      version: 1,
      sourceFileName: '2026年工作要点.txt',
    });
    expect(plan.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.items.map((i) => i.title)).toEqual([
      '深化医药卫生体制改革',
      '推进紧密型县域医共体建设',
      '完善分级诊疗制度',
      '扩大家庭医生签约服务覆盖面',
      '规范双向转诊流程',
      '提升公共卫生服务能力',
      '强化妇幼健康服务',
      '推进医保支付方式改革',
    ]);
    expect(byTitle(plan, '规范双向转诊流程').level).toBe(3);
    expect(plan.warnings).toEqual([{ code: 'levels_skipped', message: 'A level was skipped after 二' }]);
  });

  it('matches printed unit names through tenant aliases, the plan aliases and unit groups', async () => {
    const plan = await importPlan();
    const task = byTitle(plan, '推进紧密型县域医共体建设');
    expect(task.assignments.map((a) => [a.unitName, a.role])).toEqual([
      ['医政医管科', 'lead'],
      ['规划信息科', 'support'],
    ]);
    const maternal = byTitle(plan, '强化妇幼健康服务');
    expect(maternal.assignments.map((a) => [a.unitName, a.role]).sort()).toEqual(
      [
        ['云溪区卫生健康局', 'support'],
        ['妇幼健康科', 'lead'],
        ['临水县卫生健康局', 'support'],
      ].sort(),
    );
  });

  it('reports names it could not match so they can be created', async () => {
    const plan = await importPlan();
    expect(plan.unmatchedUnits).toEqual([
      { name: '市医保局', itemIds: [byTitle(plan, '推进医保支付方式改革').id] },
    ]);
    expect(byTitle(plan, '推进医保支付方式改革').unmatchedUnits).toEqual([
      { name: '市医保局', role: 'support' },
    ]);
  });

  it('matches a formerly unknown name after the unit is created and the plan is re-matched', async () => {
    const plan = await importPlan();
    const admin = await t.login(c.users.admin);
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '临江市医疗保障局', kind: 'other', aliases: ['市医保局'] },
    });
    expect(created.statusCode).toBe(201);
    const rematched = await t.as(planner, { method: 'POST', url: `/api/plans/${plan.id}/rematch` });
    const item = byTitle(rematched.json<PlanDetail>(), '推进医保支付方式改革');
    expect(item.unmatchedUnits).toEqual([]);
    expect(item.assignments.map((a) => [a.unitName, a.role])).toContainEqual(['临江市医疗保障局', 'support']);
  });

  it('lets the planner map an unmatched name to a unit, which then stands for it commission-wide', async () => {
    const plan = await importPlan();
    const name = plan.unmatchedUnits[0]?.name;
    if (!name) {
      // An earlier test already taught the commission this name; nothing is left to settle.
      expect(plan.unmatchedUnits).toEqual([]);
      return;
    }
    const stale = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/unmatched/resolve`,
      payload: { name, unitId: c.units.planning.id, version: plan.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    const resolved = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/unmatched/resolve`,
      payload: { name, unitId: c.units.planning.id, version: plan.version },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json<PlanDetail>().unmatchedUnits).toEqual([]);
    expect(
      byTitle(resolved.json<PlanDetail>(), '推进医保支付方式改革').assignments.map((a) => a.unitName),
    ).toContain('规划信息科');
  });

  it('lets the planner create the unit an unmatched name stands for', async () => {
    const plan = await importPlan();
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/unmatched/create`,
      payload: {
        name: '临江市卫生健康综合执法支队',
        kind: 'affiliated',
        aliases: ['执法支队'],
        version: plan.version,
      },
    });
    expect(response.statusCode).toBe(201);
    const units = await t.as(planner, { method: 'GET', url: '/api/units' });
    expect(units.json<{ units: { name: string; aliases: string[] }[] }>().units).toContainEqual(
      expect.objectContaining({ name: '临江市卫生健康综合执法支队', aliases: ['执法支队'] }),
    );
    const again = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/unmatched/create`,
      payload: { name: '临江市卫生健康综合执法支队', kind: 'affiliated', version: plan.version },
    });
    expect(again.json()).toMatchObject({ error: { code: 'duplicate', field: 'name' } });
  });

  it('lets a child without assignments inherit its parent’s, marked as inherited', async () => {
    const plan = await importPlan();
    const child = byTitle(plan, '扩大家庭医生签约服务覆盖面');
    expect(child.assignments).toEqual([
      expect.objectContaining({ unitName: '体制改革科', role: 'lead', inherited: true }),
    ]);
  });

  it('stores targets with an inferred direction: a ceiling is better lower', async () => {
    const plan = await importPlan();
    expect(byTitle(plan, '强化妇幼健康服务').targets[0]).toMatchObject({
      metric: '孕产妇死亡率',
      op: '<=',
      value: 10,
      unit: '/10万',
      direction: 'lower',
    });
    expect(byTitle(plan, '推进紧密型县域医共体建设').targets[0]).toMatchObject({
      op: '>=',
      value: 90,
      direction: 'higher',
      deadline: '2026-12-31',
    });
  });

  it('answers 400 invalid_document naming the file field when the engine cannot read it', async () => {
    const { payload, headers } = multipartFile('x.bin', 'garbage');
    const response = await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid_document', field: 'file', details: { reason: 'unsupported_format' } },
    });
  });

  it('hides draft plans from reporters and viewers', async () => {
    const plan = await importPlan();
    const reporter = await t.login(c.users.reporter);
    expect((await t.as(reporter, { method: 'GET', url: `/api/plans/${plan.id}` })).statusCode).toBe(404);
    const list = await t.as(reporter, { method: 'GET', url: '/api/plans' });
    expect(list.json<{ plans: { id: string }[] }>().plans.map((p) => p.id)).not.toContain(plan.id);
  });

  it('keeps the uploaded document and the cleaned text the spans point into', async () => {
    const plan = await importPlan();
    const text = await t.as(planner, { method: 'GET', url: `/api/plans/${plan.id}/text` });
    expect(text.json()).toEqual({ text: '2026年全市卫生健康工作要点' });
    const source = await t.as(planner, { method: 'GET', url: `/api/plans/${plan.id}/source` });
    expect(source.body).toBe('一、深化医药卫生体制改革');
    expect(source.headers['content-disposition']).toContain(encodeURIComponent('2026年工作要点.txt'));
  });

  it('expands a collective name to the members the admin sets, on re-match', async () => {
    const plan = await importPlan();
    const admin = await t.login(c.users.admin);
    const group = await t.as(admin, {
      method: 'PUT',
      url: '/api/unit-groups',
      payload: { name: '各县市区卫生健康局', unitIds: [c.units.countyA.id] },
    });
    expect(group.statusCode).toBe(200);
    const item = byTitle(plan, '强化妇幼健康服务');
    await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${plan.id}/items/${item.id}/assignments`,
      payload: { version: item.version, assignments: [] },
    });
    const again = await importPlan();
    expect(byTitle(again, '强化妇幼健康服务').assignments.map((a) => a.unitName)).toEqual([
      '妇幼健康科',
      '临水县卫生健康局',
    ]);
    const groups = await t.as(planner, { method: 'GET', url: '/api/unit-groups' });
    expect(groups.json<{ groups: { name: string; unitIds: string[] }[] }>().groups).toContainEqual(
      expect.objectContaining({ name: '各县市区卫生健康局', unitIds: [c.units.countyA.id] }),
    );
  });

  it('writes an audit row for the import', async () => {
    const plan = await importPlan();
    const rows = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', plan.id).execute();
    expect(rows.map((r) => r.action)).toEqual(['plan.import']);
    expect(rows[0]?.after).toMatchObject({
      items: 8,
      targets: 2,
      unmatched: plan.unmatchedUnits.length,
      sha256: plan.sourceSha256,
    });
  });
});

describe('plan corrections', () => {
  it('edits an item and answers 409 to a second edit at the stale version', async () => {
    const plan = await importPlan();
    const item = byTitle(plan, '完善分级诊疗制度');
    const first = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/items/${item.id}`,
      payload: { version: item.version, title: '健全分级诊疗制度' },
    });
    expect(first.statusCode).toBe(200);
    expect(byTitle(first.json<PlanDetail>(), '健全分级诊疗制度').version).toBe(item.version + 1);
    const stale = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/items/${item.id}`,
      payload: { version: item.version, title: '别的标题' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', item.id).execute();
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['item.update', { title: '完善分级诊疗制度' }, { title: '健全分级诊疗制度' }],
    ]);
  });

  it('names the field when an edit is invalid and changes nothing', async () => {
    const plan = await importPlan();
    const item = byTitle(plan, '完善分级诊疗制度');
    const response = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/items/${item.id}`,
      payload: { version: item.version, deadline: '2026-13-45' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed', field: 'deadline' } });
  });

  it('moves an item under another parent and renumbers both sibling lists', async () => {
    const plan = await importPlan();
    const moving = byTitle(plan, '规范双向转诊流程');
    const newParent = byTitle(plan, '提升公共卫生服务能力');
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items/${moving.id}/move`,
      payload: { version: moving.version, parentId: newParent.id, position: 0 },
    });
    expect(response.statusCode).toBe(200);
    const after = response.json<PlanDetail>();
    const children = after.items
      .filter((i) => i.parentId === newParent.id)
      .map((i) => [i.title, i.position, i.level]);
    expect(children).toEqual([
      ['规范双向转诊流程', 0, 2],
      ['强化妇幼健康服务', 1, 2],
      ['推进医保支付方式改革', 2, 2],
    ]);
    expect(
      after.items
        .filter((i) => i.parentId === byTitle(after, '完善分级诊疗制度').id)
        .map((i) => [i.title, i.position]),
    ).toEqual([['扩大家庭医生签约服务覆盖面', 0]]);
  });

  it('refuses to move an item under its own descendant', async () => {
    const plan = await importPlan();
    const parent = byTitle(plan, '完善分级诊疗制度');
    const child = byTitle(plan, '规范双向转诊流程');
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items/${parent.id}/move`,
      payload: { version: parent.version, parentId: child.id, position: 0 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { field: 'parentId' } });
  });

  it('merges an item into another: text appended, targets and assignments moved, item gone', async () => {
    const plan = await importPlan();
    const from = byTitle(plan, '强化妇幼健康服务');
    const into = byTitle(plan, '推进医保支付方式改革');
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items/${from.id}/merge`,
      payload: { version: from.version, intoId: into.id, intoVersion: into.version },
    });
    expect(response.statusCode).toBe(200);
    const after = response.json<PlanDetail>();
    expect(after.items.find((i) => i.id === from.id)).toBeUndefined();
    const merged = byTitle(after, '推进医保支付方式改革');
    expect(merged.text).toBe('推进医保支付方式改革。\n强化妇幼健康服务。');
    expect(merged.targets.map((x) => x.metric)).toEqual(['孕产妇死亡率']);
    expect(merged.assignments.map((a) => a.unitName)).toEqual(
      expect.arrayContaining(['医政医管科', '妇幼健康科', '临水县卫生健康局']),
    );
    expect(merged.position).toBe(0);
  });

  it('deletes an item with its children, and 409s on a stale version', async () => {
    const plan = await importPlan();
    const item = byTitle(plan, '完善分级诊疗制度');
    const stale = await t.as(planner, {
      method: 'DELETE',
      url: `/api/plans/${plan.id}/items/${item.id}?version=${item.version + 5}`,
    });
    expect(stale.statusCode).toBe(409);
    const response = await t.as(planner, {
      method: 'DELETE',
      url: `/api/plans/${plan.id}/items/${item.id}?version=${item.version}`,
    });
    expect(response.statusCode).toBe(200);
    const titles = response.json<PlanDetail>().items.map((i) => i.title);
    expect(titles).not.toContain('完善分级诊疗制度');
    expect(titles).not.toContain('规范双向转诊流程');
    expect(titles).toHaveLength(5);
  });

  it('replaces assignments, settling the unmatched names it lists, and rejects a unit named twice', async () => {
    const plan = await importPlan();
    const item = byTitle(plan, '推进医保支付方式改革');
    const twice = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${plan.id}/items/${item.id}/assignments`,
      payload: {
        version: item.version,
        assignments: [
          { unitId: c.units.medical.id, role: 'lead' },
          { unitId: c.units.medical.id, role: 'support' },
        ],
      },
    });
    expect(twice.statusCode).toBe(400);
    const response = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${plan.id}/items/${item.id}/assignments`,
      payload: {
        version: item.version,
        assignments: [
          { unitId: c.units.planning.id, role: 'lead' },
          { unitId: c.units.medical.id, role: 'support' },
        ],
        settles: ['市医保局'],
      },
    });
    expect(response.statusCode).toBe(200);
    const after = byTitle(response.json<PlanDetail>(), '推进医保支付方式改革');
    expect(after.assignments.map((a) => [a.unitName, a.role])).toEqual(
      expect.arrayContaining([
        ['规划信息科', 'lead'],
        ['医政医管科', 'support'],
      ]),
    );
    expect(after.unmatchedUnits).toEqual([]);
    expect(response.json<PlanDetail>().unmatchedUnits).toEqual([]);
  });

  it('adds, edits and deletes a target, checking the value against the operator', async () => {
    const plan = await importPlan();
    const item = byTitle(plan, '规范双向转诊流程');
    const bad = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/targets`,
      payload: { itemId: item.id, metric: '上转率', op: 'range', lo: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'hi' } });
    const created = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/targets`,
      payload: { itemId: item.id, metric: '下转人次', op: '>=', value: 1000, unit: '人次' },
    });
    expect(created.statusCode).toBe(201);
    const target = byTitle(created.json<PlanDetail>(), '规范双向转诊流程').targets[0];
    expect(target).toMatchObject({ metric: '下转人次', value: 1000, direction: 'higher', version: 1 });
    if (!target) throw new Error('no target');
    const edited = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/targets/${target.id}`,
      payload: { version: 1, op: 'range', lo: 800, hi: 1200 },
    });
    expect(byTitle(edited.json<PlanDetail>(), '规范双向转诊流程').targets[0]).toMatchObject({
      op: 'range',
      value: null,
      lo: 800,
      hi: 1200,
      version: 2,
    });
    const stale = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/targets/${target.id}`,
      payload: { version: 1, metric: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const removed = await t.as(planner, {
      method: 'DELETE',
      url: `/api/plans/${plan.id}/targets/${target.id}?version=2`,
    });
    expect(byTitle(removed.json<PlanDetail>(), '规范双向转诊流程').targets).toEqual([]);
  });

  it('publishes a draft once; a second publish at the old version is a conflict and restructuring stops', async () => {
    const plan = await importPlan();
    const published = await publishWaivingAll(t, planner, plan);
    expect(published.statusCode).toBe(200);
    expect(published.json<PlanDetail>()).toMatchObject({ status: 'published', version: plan.version + 1 });
    expect(published.json<PlanDetail>().publishedAt).toBe(t.clock.now().toISOString());
    const again = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/publish`,
      payload: { version: plan.version },
    });
    expect(again.statusCode).toBe(409);
    const item = byTitle(plan, '规范双向转诊流程');
    const del = await t.as(planner, {
      method: 'DELETE',
      url: `/api/plans/${plan.id}/items/${item.id}?version=${item.version}`,
    });
    expect(del.json()).toMatchObject({ error: { code: 'state_conflict' } });
    const reporter = await t.login(c.users.reporter);
    expect((await t.as(reporter, { method: 'GET', url: `/api/plans/${plan.id}` })).statusCode).toBe(200);
  });

  it('archives a published plan, which then leaves the task lists and refuses edits', async () => {
    const plan = await importPlan();
    const draftArchive = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/archive`,
      payload: { version: plan.version },
    });
    expect(draftArchive.json()).toMatchObject({ error: { code: 'state_conflict' } });
    const published = (await publishWaivingAll(t, planner, plan)).json<PlanDetail>();
    const archived = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/archive`,
      payload: { version: published.version },
    });
    expect(archived.json<PlanDetail>().status).toBe('archived');
    const tasks = await t.as(planner, { method: 'GET', url: '/api/tasks' });
    expect(tasks.json<{ tasks: { planId: string }[] }>().tasks.map((x) => x.planId)).not.toContain(plan.id);
    const item = byTitle(plan, '规范双向转诊流程');
    const edit = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/items/${item.id}`,
      payload: { version: item.version, title: 'x' },
    });
    expect(edit.json()).toMatchObject({ error: { code: 'state_conflict' } });
  });

  it('keeps plans of one commission invisible to another', async () => {
    const plan = await importPlan();
    const other = await createCommission(t.db);
    const outsider = await t.login(other.users.planner);
    expect((await t.as(outsider, { method: 'GET', url: `/api/plans/${plan.id}` })).statusCode).toBe(404);
    const item = byTitle(plan, '规范双向转诊流程');
    const edit = await t.as(outsider, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/items/${item.id}`,
      payload: { version: item.version, title: 'x' },
    });
    expect(edit.statusCode).toBe(404);
  });
});
