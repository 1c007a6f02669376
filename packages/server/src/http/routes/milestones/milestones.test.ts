import type { MilestoneDto, MilestoneList, PlanMilestones, TaskDto } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../testing/factories.js';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

/*
 * Milestones over the API: a task's list from a template, the lead unit recording an actual date, a reviewer
 * confirming it, and the task's stored status following the clock (the daily job, not a read).
 */
let t: TestApp;
let c: Commission;
let p: PublishedPlan;
let planner: Session;
let reporter: Session;
let otherReporter: Session;
let admin: Session;

const TASK = '推进紧密型县域医共体建设';

async function signIn(): Promise<void> {
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  otherReporter = await t.login(c.users.otherReporter);
  admin = await t.login(c.users.admin);
}

async function taskOf(session: Session, itemId: string): Promise<TaskDto> {
  const response = await t.as(session, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}&limit=200` });
  const task = response.json<{ tasks: TaskDto[] }>().tasks.find((x) => x.id === itemId);
  if (!task) throw new Error('task not listed');
  return task;
}

async function save(itemId: string, milestones: object[]): Promise<MilestoneDto[]> {
  const response = await t.as(planner, {
    method: 'PUT',
    url: `/api/tasks/${itemId}/milestones`,
    payload: { milestones },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<MilestoneList>().milestones;
}

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-05-20T02:00:00Z' });
  c = await createCommission(t.db);
  await signIn();
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('milestones', () => {
  it('offers the construction, IT-project and custom templates', async () => {
    const response = await t.as(reporter, { method: 'GET', url: '/api/milestone-templates' });
    expect(response.statusCode).toBe(200);
    const { templates } = response.json<{ templates: { key: string; steps: string[] }[] }>();
    expect(templates.find((x) => x.key === 'construction')?.steps).toEqual([
      '立项',
      '开工',
      '主体封顶',
      '竣工验收',
      '建成投用',
    ]);
    expect(templates.map((x) => x.key)).toEqual(['construction', 'it', 'custom']);
  });

  it('keeps a kept milestone’s actual date when the planner reorders and renames the list', async () => {
    const itemId = p.item('扩大家庭医生签约服务覆盖面').id;
    const [first] = await save(itemId, [
      { name: '立项', plannedOn: '2026-03-01' },
      { name: '开工', plannedOn: '2026-09-01' },
    ]);
    if (!first) throw new Error('no milestone');
    const confirmed = await t.as(planner, {
      method: 'POST',
      url: `/api/milestones/${first.id}/confirm`,
      payload: { version: first.version, actualOn: '2026-02-27' },
    });
    expect(confirmed.json<{ milestone: MilestoneDto }>().milestone).toMatchObject({
      actualOn: '2026-02-27',
      confirmed: true,
      missed: false,
    });
    const again = await save(itemId, [
      { name: '开工建设', plannedOn: '2026-09-01' },
      { id: first.id, name: '项目立项', plannedOn: '2026-03-01' },
    ]);
    expect(again.map((m) => [m.name, m.position, m.actualOn])).toEqual([
      ['开工建设', 0, null],
      ['项目立项', 1, '2026-02-27'],
    ]);
    const stray = await t.as(planner, {
      method: 'PUT',
      url: `/api/tasks/${p.item(TASK).id}/milestones`,
      payload: { milestones: [{ id: first.id, name: '立项', plannedOn: '2026-03-01' }] },
    });
    expect(stray.json()).toMatchObject({ error: { code: 'validation_failed', field: 'milestones.0.id' } });
  });

  it('turns the task red (behind, milestone missed) once the clock passes a planned date, and green again when the actual date is confirmed', async () => {
    const itemId = p.item(TASK).id;
    const [start, topOut] = await save(itemId, [
      { name: '开工', plannedOn: '2026-05-10' },
      { name: '主体封顶', plannedOn: '2026-06-10' },
    ]);
    if (!start || !topOut) throw new Error('no milestones');
    // 开工 was already missed on 5-20: the save itself recomputed the status in its transaction.
    expect(await taskOf(planner, itemId)).toMatchObject({ status: 'behind' });
    expect((await taskOf(planner, itemId)).statusReason).toContain('开工');

    // The lead unit (医政医管科) records 开工; another unit may not. Unconfirmed, it does not count yet.
    const foreign = await t.as(otherReporter, {
      method: 'POST',
      url: `/api/milestones/${start.id}/actual`,
      payload: { version: start.version, actualOn: '2026-05-08' },
    });
    expect(foreign.statusCode).toBe(403);
    const recorded = await t.as(reporter, {
      method: 'POST',
      url: `/api/milestones/${start.id}/actual`,
      payload: { version: start.version, actualOn: '2026-05-08', note: '已举行开工仪式' },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const claim = recorded.json<{ milestone: MilestoneDto }>().milestone;
    expect(claim).toMatchObject({ actualOn: '2026-05-08', confirmed: false, missed: true });
    expect((await taskOf(planner, itemId)).statusReason).toContain('开工');
    const future = await t.as(reporter, {
      method: 'POST',
      url: `/api/milestones/${start.id}/actual`,
      payload: { version: claim.version, actualOn: '2026-07-01' },
    });
    expect(future.json()).toMatchObject({ error: { code: 'validation_failed', field: 'actualOn' } });
    const confirmed = await t.as(planner, {
      method: 'POST',
      url: `/api/milestones/${start.id}/confirm`,
      payload: { version: claim.version, actualOn: claim.actualOn },
    });
    expect(confirmed.json<{ milestone: MilestoneDto }>().milestone).toMatchObject({
      confirmed: true,
      missed: false,
    });
    expect((await taskOf(planner, itemId)).statusReason).not.toContain('里程碑');

    // Time alone: the daily job stores the missed 主体封顶 after 6-10 (a read never recomputes).
    const moved = await t.as(admin, {
      method: 'POST',
      url: '/api/system/clock/advance',
      payload: { days: 22 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await signIn();
    const task = await taskOf(planner, itemId);
    expect(task.status).toBe('behind');
    expect(task.statusReason).toBe('里程碑“主体封顶”计划2026-06-10完成，尚未完成');

    const timeline = await t.as(reporter, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/milestones?unitId=${c.units.medical.id}`,
    });
    expect(timeline.statusCode).toBe(200);
    const body = timeline.json<PlanMilestones>();
    expect(body.today).toBe('2026-06-11');
    const row = body.tasks.find((x) => x.itemId === itemId);
    expect(row?.status).toBe('behind');
    expect(row?.milestones.map((m) => [m.name, m.missed])).toEqual([
      ['开工', false],
      ['主体封顶', true],
    ]);
    const otherUnit = await t.as(reporter, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/milestones?unitId=${c.units.maternal.id}`,
    });
    expect(otherUnit.json<PlanMilestones>().tasks.some((x) => x.itemId === itemId)).toBe(false);

    // Per leader: the leader who owns the task's section sees it on its timeline; a leader owning nothing, none.
    const sectionId = p.plan.items.find((i) => i.id === itemId)?.parentId ?? '';
    const owned = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/items/${sectionId}/leader`,
      payload: { leaderId: c.users.leader.id },
    });
    expect(owned.statusCode, owned.body).toBe(200);
    const byLeader = async (leaderId: string) =>
      (
        await t.as(planner, {
          method: 'GET',
          url: `/api/plans/${p.plan.id}/milestones?leaderId=${leaderId}`,
        })
      ).json<PlanMilestones>();
    expect((await byLeader(c.users.leader.id)).tasks.map((x) => x.itemId)).toContain(itemId);
    const idle = await createUser(t.db, c.tenant.id, { role: 'leader' });
    expect((await byLeader(idle.id)).tasks).toEqual([]);
  });
});
