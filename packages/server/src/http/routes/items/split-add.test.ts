import type { PlanDetail } from '@yaodian/core';
import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, createCorpusCommission } from '../../../testing/corpus.js';
import { multipartFile } from '../../../testing/plan-fixture.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let planner: Session;

beforeAll(async () => {
  t = await createTestApp({ readPlan: (bytes, options) => parsePlan(bytes, options) });
  const c = await createCorpusCommission(t.db);
  planner = await t.login(c.users.planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function importText(fileName: string, bytes: Buffer | string): Promise<PlanDetail> {
  const { payload, headers } = multipartFile(fileName, bytes);
  const response = await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
  expect(response.statusCode).toBe(201);
  return response.json<PlanDetail>();
}

const getText = async (planId: string) =>
  (await t.as(planner, { method: 'GET', url: `/api/plans/${planId}/text` })).json<{ text: string }>().text;

const children = (plan: PlanDetail, parentId: string | null) =>
  plan.items.filter((i) => i.parentId === parentId).sort((a, b) => a.position - b.position);

describe('splitting an item on corpus 004 (一是…五是 in one paragraph)', () => {
  it('splits item 一 before 二是 into two items whose spans point at their own text', async () => {
    const { fileName, bytes } = corpusFile('004');
    const plan = await importText(fileName, bytes);
    const first = children(plan, null)[0];
    if (!first) throw new Error('no items');
    const offset = first.text.indexOf('二是');
    expect(offset).toBeGreaterThan(0);
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items/${first.id}/split`,
      payload: { version: first.version, offset },
    });
    expect(response.statusCode).toBe(200);
    const after = response.json<PlanDetail>();
    const roots = children(after, null);
    expect(roots).toHaveLength(children(plan, null).length + 1);
    const [a, b] = roots;
    expect(a?.text.endsWith('夯实分级诊疗基础。')).toBe(true);
    expect(b?.text.startsWith('二是巩固县级公立医院综合能力提升工程成果')).toBe(true);
    const text = await getText(plan.id);
    expect(text.slice(b?.source?.start, b?.source?.end)).toBe(b?.text);
    expect(text.slice(a?.source?.start, a?.source?.end).endsWith(a?.text ?? '-')).toBe(true);
    // Numbers follow positions: the new item is 二, the old 二 became 三.
    expect(roots.map((i) => i.number).slice(0, 4)).toEqual(['一', '二', '三', '四']);
    expect(after.taskCount).toBe(plan.taskCount + 1);
    expect(b?.isTask).toBe(true);

    const stale = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items/${first.id}/split`,
      payload: { version: first.version, offset: 3 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses an offset inside a sentence with 400, changing nothing', async () => {
    const plan = await importText(
      'p.txt',
      '2026年工作要点\n一、加强建设。一是完善考核；二是巩固成果。（医政科牵头）',
    );
    const item = plan.items[0];
    if (!item) throw new Error('no item');
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items/${item.id}/split`,
      payload: { version: item.version, offset: 2 },
    });
    expect(response.statusCode).toBe(400);
    const now = (await t.as(planner, { method: 'GET', url: `/api/plans/${plan.id}` })).json<PlanDetail>();
    expect(now.items).toHaveLength(plan.items.length);
  });
});

describe('adding items and the task count', () => {
  const text = [
    '2026年工作要点',
    '一、深化医改',
    '（一）推进医共体建设。（医政科牵头）',
    '（二）完善分级诊疗。（基层卫生健康科牵头）',
    '二、公共卫生',
    '（一）强化妇幼健康服务。（妇幼健康科牵头）',
    '1.开展两癌筛查。',
    '2.开展新生儿筛查。',
  ].join('\n');

  it('stores what is a task at import: the header count equals what publishing creates', async () => {
    const plan = await importText('tasks.txt', text);
    const flagged = plan.items.filter((i) => i.isTask).map((i) => i.title);
    expect(flagged).toEqual(['推进医共体建设', '完善分级诊疗', '强化妇幼健康服务']);
    expect(plan.taskCount).toBe(3);
  });

  it('adds a sibling after an item and a child under a section, numbered in the list’s style', async () => {
    const plan = await importText('add.txt', text);
    const section = children(plan, null)[0];
    const firstTask = section && children(plan, section.id)[0];
    if (!section || !firstTask) throw new Error('no items');
    const sibling = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items`,
      payload: { planVersion: plan.version, title: '推进智慧医院建设', placement: { afterId: firstTask.id } },
    });
    expect(sibling.statusCode).toBe(201);
    const afterSibling = sibling.json<PlanDetail>();
    expect(children(afterSibling, section.id).map((i) => [i.number, i.title])).toEqual([
      ['一', '推进医共体建设'],
      ['二', '推进智慧医院建设'],
      ['三', '完善分级诊疗'],
    ]);
    expect(afterSibling.taskCount).toBe(4);

    const id = '6f0c1a52-5d1e-4f63-9a5b-2f3c7d8e9a10';
    const add = () =>
      t.as(planner, {
        method: 'POST',
        url: `/api/plans/${plan.id}/items`,
        payload: { planVersion: plan.version, id, title: '新增重点工作', placement: { parentId: null } },
      });
    const root = await add();
    expect(root.statusCode).toBe(201);
    expect(children(root.json<PlanDetail>(), null).map((i) => i.number)).toEqual(['一', '二', '三']);
    // The same add again (a retry) adds nothing.
    const retry = await add();
    expect(retry.statusCode).toBe(201);
    expect(retry.json<PlanDetail>().items).toHaveLength(root.json<PlanDetail>().items.length);
  });

  it('renumbers both lists after a move: 十 never sits above 九', async () => {
    const plan = await importText('move.txt', text);
    const [, second] = children(plan, null);
    const sectionOne = children(plan, null)[0];
    if (!second || !sectionOne) throw new Error('no items');
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/items/${second.id}/move`,
      payload: { version: second.version, parentId: null, position: 0 },
    });
    expect(response.statusCode).toBe(200);
    expect(children(response.json<PlanDetail>(), null).map((i) => [i.number, i.title])).toEqual([
      ['一', '公共卫生'],
      ['二', '深化医改'],
    ]);
  });
});
