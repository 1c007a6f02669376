import type { InstructionDto, KeyProjectList, NotificationList, PlanLeaders } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

/* 委领导包抓 / 分管: the planner assigns owning leaders; the leader's key projects; a 批示 reaches the unit. */
let t: TestApp;
let c: Commission;
let p: PublishedPlan;
let planner: Session;
let leader: Session;
let reporter: Session;

const MAY = '推进紧密型县域医共体建设';
const SECTION = '深化医药卫生体制改革';
const MATERNAL = '强化妇幼健康服务';

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-05-19T01:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  p = await publishFixturePlan(t, planner);
  leader = await t.login(c.users.leader);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);

afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const sectionId = (): string => p.plan.items.find((i) => i.title === SECTION)?.id ?? '';

describe('owning leaders', () => {
  it('are set by the planner on a section and on a unit, and refused when the person is no leader', async () => {
    const bad = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/items/${sectionId()}/leader`,
      payload: { leaderId: c.users.viewer.id },
    });
    expect(bad.statusCode).toBe(400);
    const set = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/items/${sectionId()}/leader`,
      payload: { leaderId: c.users.leader.id },
    });
    expect(set.statusCode).toBe(200);
    const unit = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/units/${c.units.maternal.id}/leader`,
      payload: { leaderId: c.users.leader.id },
    });
    const shown = unit.json<PlanLeaders>();
    expect(shown.leaders.map((l) => l.id)).toEqual([c.users.leader.id]);
    expect(shown.items.find((i) => i.itemId === sectionId())?.leaderId).toBe(c.users.leader.id);
    expect(shown.units.find((u) => u.unitId === c.units.maternal.id)?.leaderId).toBe(c.users.leader.id);
  });

  it("show on the leader's home: the section's tasks as owned, the 分管 unit's tasks as through the unit", async () => {
    const { projects } = (
      await t.as(leader, { method: 'GET', url: '/api/my/key-projects' })
    ).json<KeyProjectList>();
    expect(projects.find((x) => x.title === MAY)).toMatchObject({
      via: 'own',
      openSupervision: 0,
      highestLevel: null,
    });
    expect(projects.find((x) => x.title === MATERNAL)).toMatchObject({ via: 'unit' });
    const none = (
      await t.as(reporter, { method: 'GET', url: '/api/my/key-projects' })
    ).json<KeyProjectList>();
    expect(none.projects).toEqual([]);
  });
});

describe('批示', () => {
  it("is written by a leader on a task, shown on the task and sent to the task's unit", async () => {
    const url = `/api/tasks/${p.item(MAY).id}/instructions`;
    expect((await t.as(reporter, { method: 'POST', url, payload: { body: '抓紧推进' } })).statusCode).toBe(
      403,
    );
    const made = await t.as(leader, { method: 'POST', url, payload: { body: '请6月底前完成牵头医院挂牌' } });
    expect(made.statusCode).toBe(201);
    const list = (await t.as(reporter, { method: 'GET', url })).json<{ instructions: InstructionDto[] }>();
    expect(list.instructions).toMatchObject([
      { body: '请6月底前完成牵头医院挂牌', authorId: c.users.leader.id },
    ]);
    const inbox = (
      await t.as(reporter, { method: 'GET', url: '/api/notifications' })
    ).json<NotificationList>();
    expect(inbox.notifications.find((n) => n.kind === 'instruction')).toMatchObject({
      body: '请6月底前完成牵头医院挂牌',
      link: `/plans/${p.plan.id}/tasks/${p.item(MAY).id}`,
    });
  });

  it('is refused on a section, and when longer than one line', async () => {
    const section = await t.as(leader, {
      method: 'POST',
      url: `/api/tasks/${sectionId()}/instructions`,
      payload: { body: '统筹推进' },
    });
    expect(section.statusCode).toBe(400);
    const long = await t.as(leader, {
      method: 'POST',
      url: `/api/tasks/${p.item(MAY).id}/instructions`,
      payload: { body: '长'.repeat(201) },
    });
    expect(long.statusCode).toBe(400);
  });
});
