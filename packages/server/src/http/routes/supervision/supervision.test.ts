import type {
  NotificationList,
  PlanSupervisionRules,
  SupervisionDetail,
  SupervisionList,
  SupervisionNoticeDto,
} from '@yaodian/core';
import { DEFAULT_SUPERVISION_RULES } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createUser } from '../../../testing/factories.js';
import { docxPart } from '../../../testing/office-render.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

/*
 * 督办 end to end over the API on the test clock: a notice issued by hand goes issue → sign → respond →
 * close; one left unanswered escalates 蓝→黄→红 as the admin moves the clock, and the red one reaches the
 * leader who owns the task's section; the plan's overdue rule raises a notice by itself, once.
 */
let t: TestApp;
let c: Commission;
let p: PublishedPlan;
let planner: Session;
let reporter: Session;
let otherReporter: Session;
let admin: Session;
let leader: Session;

const MAY = '推进紧密型县域医共体建设';
const SECTION = '深化医药卫生体制改革';

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-05-19T01:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  p = await publishFixturePlan(t, planner);
  reporter = await t.login(c.users.reporter);
  otherReporter = await t.login(c.users.otherReporter);
  admin = await t.login(c.users.admin);
  leader = await t.login(c.users.leader);
}, DB_HOOK_TIMEOUT);

afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function issue(payload: object, key?: string) {
  return t.as(planner, {
    method: 'POST',
    url: '/api/supervision',
    payload: { planId: p.plan.id, unitIds: [c.units.medical.id], itemIds: [p.item(MAY).id], ...payload },
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
}

const act = (who: Session, id: string, action: string, payload: object) =>
  t.as(who, { method: 'POST', url: `/api/supervision/${id}/${action}`, payload });

async function inbox(who: Session): Promise<NotificationList> {
  return (await t.as(who, { method: 'GET', url: '/api/notifications' })).json<NotificationList>();
}

async function advance(days: number): Promise<void> {
  const moved = await t.as(admin, { method: 'POST', url: '/api/system/clock/advance', payload: { days } });
  expect(moved.statusCode).toBe(200);
}

describe('a notice issued by hand', () => {
  let notice: SupervisionNoticeDto;

  it('is numbered 督办〔year〕n号, once per Idempotency-Key, and tells the unit', async () => {
    const first = await issue({ level: 'blue', reason: '5月进展报送内容空泛' }, 'issue-key-0001');
    expect(first.statusCode).toBe(201);
    notice = first.json<{ notice: SupervisionNoticeDto }>().notice;
    expect(notice).toMatchObject({
      number: '督办〔2026〕1号',
      level: 'blue',
      status: 'issued',
      rule: 'manual',
      units: [{ name: '医政医管科' }],
      tasks: [{ title: MAY }],
    });
    const replay = await issue({ level: 'blue', reason: '5月进展报送内容空泛' }, 'issue-key-0001');
    expect(replay.statusCode).toBe(200);
    expect(replay.json<{ notice: SupervisionNoticeDto }>().notice.id).toBe(notice.id);
    const mine = await inbox(reporter);
    expect(mine.notifications.map((n) => n.title)).toContain('【蓝色督办】督办〔2026〕1号');
  });

  it('is hidden from, and refused to, a reporter of another unit', async () => {
    const list = await t.as(otherReporter, { method: 'GET', url: '/api/supervision' });
    expect(list.json<SupervisionList>().notices).toEqual([]);
    expect((await act(otherReporter, notice.id, 'sign', { version: notice.version })).statusCode).toBe(404);
    expect((await inbox(otherReporter)).notifications).toEqual([]);
  });

  it('goes issue → sign → respond → close, each at the version seen, and tells the office of the response', async () => {
    expect((await act(reporter, notice.id, 'respond', { version: 1, response: '已整改' })).statusCode).toBe(
      409,
    );
    const signed = await act(reporter, notice.id, 'sign', { version: 1 });
    expect(signed.json<{ notice: SupervisionNoticeDto }>().notice).toMatchObject({
      status: 'signed',
      version: 2,
    });
    // A retried sign answers the notice as it stands.
    expect((await act(reporter, notice.id, 'sign', { version: 1 })).statusCode).toBe(200);
    expect((await act(reporter, notice.id, 'respond', { version: 1, response: '已整改' })).statusCode).toBe(
      409,
    );
    const responded = await act(reporter, notice.id, 'respond', {
      version: 2,
      response: '已补充佐证材料，6月起按月报送量化进展',
    });
    expect(responded.json<{ notice: SupervisionNoticeDto }>().notice).toMatchObject({
      status: 'responded',
      response: '已补充佐证材料，6月起按月报送量化进展',
    });
    expect((await inbox(planner)).notifications[0]?.title).toBe(
      '【督办反馈】医政医管科已反馈督办〔2026〕1号',
    );
    expect((await act(reporter, notice.id, 'close', { version: 3 })).statusCode).toBe(403);
    const closed = await act(planner, notice.id, 'close', { version: 3, note: '整改到位，予以销号' });
    expect(closed.json<{ notice: SupervisionNoticeDto }>().notice).toMatchObject({
      status: 'closed',
      closeNote: '整改到位，予以销号',
    });
  });
});

describe('the ladder', () => {
  it('escalates an unanswered notice 蓝→黄→红 as the response dates pass, and the red one reaches the owning leader', async () => {
    const section = p.plan.items.find((i) => i.title === SECTION);
    const owner = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/items/${section?.id ?? ''}/leader`,
      payload: { leaderId: c.users.leader.id },
    });
    expect(owner.statusCode).toBe(200);
    const issued = await issue({ level: 'blue', reason: '医共体建设进度滞后', responseDue: '2026-05-20' });
    const blue = issued.json<{ notice: SupervisionNoticeDto }>().notice;
    expect(blue.number).toBe('督办〔2026〕2号');

    await advance(1); // 5-20: not yet past its response date
    expect(
      (await t.as(planner, { method: 'GET', url: `/api/supervision/${blue.id}` })).json<SupervisionDetail>()
        .notice.status,
    ).toBe('issued');
    await advance(1); // 5-21: past → yellow, answer due five working days later (5-28)
    const yellowDetail = (
      await t.as(planner, { method: 'GET', url: `/api/supervision/${blue.id}` })
    ).json<SupervisionDetail>();
    expect(yellowDetail.notice.status).toBe('escalated');
    expect(yellowDetail.history.map((n) => [n.level, n.status])).toEqual([
      ['blue', 'escalated'],
      ['yellow', 'issued'],
    ]);
    const yellow = yellowDetail.history[1];
    expect(yellow).toMatchObject({
      number: '督办〔2026〕3号',
      responseDue: '2026-05-28',
      previousId: blue.id,
    });
    expect((await inbox(leader)).notifications.filter((n) => n.kind === 'supervision.red')).toEqual([]);

    for (let day = 0; day < 8; day += 1) await advance(1); // to 5-29
    const ladder = (
      await t.as(planner, { method: 'GET', url: `/api/supervision/${blue.id}` })
    ).json<SupervisionDetail>().history;
    expect(ladder.map((n) => n.level)).toEqual(['blue', 'yellow', 'red']);
    const red = ladder[2];
    // Each rung keeps the first notice's reason and says only why it rose (not 蓝's reason, then 黄's, then 红's).
    expect(ladder.map((n) => n.reason)).toEqual([
      '医共体建设进度滞后',
      '医共体建设进度滞后（逾期未反馈，升级为黄色督办）',
      '医共体建设进度滞后（逾期未反馈，升级为红色督办）',
    ]);
    const leaderInbox = await inbox(leader);
    expect(leaderInbox.notifications.find((n) => n.kind === 'supervision.red')).toMatchObject({
      title: `【红色督办】${red?.number ?? ''}，请领导关注`,
      link: `/supervision?id=${red?.id ?? ''}`,
    });
    // Red is the top: it waits for the unit and the office, and is not escalated again.
    await advance(7);
    const after = (
      await t.as(planner, { method: 'GET', url: `/api/supervision/${red?.id ?? ''}` })
    ).json<SupervisionDetail>();
    expect(after.notice).toMatchObject({ level: 'red', status: 'issued' });
    expect(
      (await act(planner, red?.id ?? '', 'escalate', { version: after.notice.version })).statusCode,
    ).toBe(409);
  });
});

describe("the plan's rules", () => {
  it('are off until the planning office turns them on, shown with their defaults', async () => {
    const shown = await t.as(reporter, { method: 'GET', url: `/api/plans/${p.plan.id}/supervision-rules` });
    expect(shown.json<PlanSupervisionRules>().rules).toEqual(DEFAULT_SUPERVISION_RULES);
    const refused = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/supervision-rules`,
      payload: { ...DEFAULT_SUPERVISION_RULES, responseWorkingDays: 0 },
    });
    expect(refused.statusCode).toBe(400);
  });

  it('raise an overdue notice by themselves, once while it is open', async () => {
    const only = {
      ...DEFAULT_SUPERVISION_RULES,
      enabled: true,
      behind: { ...DEFAULT_SUPERVISION_RULES.behind, enabled: false },
      stale: { ...DEFAULT_SUPERVISION_RULES.stale, enabled: false },
      trajectory: { ...DEFAULT_SUPERVISION_RULES.trajectory, enabled: false },
      returns: { ...DEFAULT_SUPERVISION_RULES.returns, enabled: false },
      escalate: false,
    };
    const set = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/supervision-rules`,
      payload: only,
    });
    expect(set.statusCode).toBe(200);
    // The clock is at 6-05 now; May's reports were due 5-25, three working days have long passed.
    await advance(1);
    const byRule = async () =>
      (await t.as(reporter, { method: 'GET', url: `/api/supervision?status=open&itemId=${p.item(MAY).id}` }))
        .json<SupervisionList>()
        .notices.filter((n) => n.rule === 'overdue');
    const raised = await byRule();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ level: 'yellow', units: [{ name: '医政医管科' }] });
    expect(raised[0]?.reason).toContain('2026年5月');
    await advance(1);
    expect(await byRule()).toHaveLength(1);
  });
});

describe('the 督办单 document', () => {
  let id: string;
  const download = (who: Session) => t.as(who, { method: 'GET', url: `/api/supervision/${id}/document` });

  beforeAll(async () => {
    const issued = await issue({ level: 'yellow', reason: '文书测试：进展滞后' });
    id = issued.json<{ notice: SupervisionNoticeDto }>().notice.id;
  });

  it('downloads as a .docx naming its number, level, unit, task and reason, audited as a download', async () => {
    const response = await download(planner);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml.document');
    const notice = (
      await t.as(planner, { method: 'GET', url: `/api/supervision/${id}` })
    ).json<SupervisionDetail>().notice;
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent(`督办单${notice.number}.docx`),
    );
    const xml = docxPart(response.rawPayload, 'word/document.xml').replace(/<[^>]+>/g, '');
    for (const expected of ['督 办 单', notice.number, '黄色督办', '医政医管科', MAY, '文书测试：进展滞后'])
      expect(xml, expected).toContain(expected);
    const audit = await t.as(await t.login(c.users.auditor), {
      method: 'GET',
      url: '/api/audit?action=supervision.download',
    });
    expect(audit.json<{ entries: { entityId: string }[] }>().entries.map((e) => e.entityId)).toContain(id);
  });

  it('is for the office, the unit it names and the leader who owns the task, not for others', async () => {
    expect((await download(admin)).statusCode).toBe(200);
    expect((await download(reporter)).statusCode).toBe(200);
    // The leader owns the task's section (the ladder above made it so).
    expect((await download(leader)).statusCode).toBe(200);
    expect((await download(otherReporter)).statusCode).toBe(404);
    expect((await download(await t.login(c.users.viewer))).statusCode).toBe(403);
    const bystander = await createUser(t.db, c.tenant.id, { role: 'leader' });
    expect((await download(await t.login(bystander))).statusCode).toBe(403);
  });
});

describe('escalating by hand', () => {
  it('says the office raised it, not that the response was overdue', async () => {
    const issued = await issue({ level: 'blue', reason: '台账不全', responseDue: '2026-12-30' });
    const blue = issued.json<{ notice: SupervisionNoticeDto }>().notice;
    const raised = await act(planner, blue.id, 'escalate', { version: blue.version });
    expect(raised.statusCode).toBe(200);
    const detail = (
      await t.as(planner, { method: 'GET', url: `/api/supervision/${blue.id}` })
    ).json<SupervisionDetail>();
    expect(detail.history.map((n) => n.reason)).toEqual([
      '台账不全',
      '台账不全（督查督办办公室升级为黄色督办）',
    ]);
  });
});

describe('what a notice names', () => {
  it('is tasks: a section heading is refused, naming the limit', async () => {
    const section = p.plan.items.find((i) => i.title.includes(SECTION));
    const refused = await issue({ level: 'blue', reason: '章节不能督办', itemIds: [section?.id ?? ''] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('不能是章节标题');
  });
});
