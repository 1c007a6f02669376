import type { PlanDetail, ReportDto, TaskDto } from '@yaodian/core';
import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlan, listPlans } from '../../../repositories/plan-repository.js';
import { loadTaskBoard } from '../../../services/task-board.js';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

/** Three sections of tasks led by different units; one parent assigns its steps by inheritance. */
function planText(perSection: number): string {
  const leads = ['体改科牵头，医政科配合', '医政科牵头，规划信息科配合', '妇幼健康科牵头'];
  const lines = ['临江市2026年卫生健康重点任务清单', ''];
  ['一、深化医改', '二、医疗服务', '三、妇幼健康'].forEach((heading, s) => {
    lines.push(heading);
    for (let i = 1; i <= perSection; i++) {
      const month = ((i + s) % 12) + 1;
      const topic = i % 5 === 0 ? '转诊' : '重点';
      lines.push(
        `${String(i)}.推进第${String(s + 1)}节第${String(i)}项${topic}工作，${String(month)}月底前完成。（${leads[(i + s) % 3] ?? ''}）`,
      );
    }
  });
  return lines.join('\n');
}

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let maternalReporter: Session;
let plan: PlanDetail;
let second: PlanDetail;

async function importPublished(text: string): Promise<PlanDetail> {
  const boundary = 'plan-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.txt"\r\n\r\n`),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const imported = await t.as(planner, {
    method: 'POST',
    url: '/api/plans',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(imported.statusCode).toBe(201);
  const draft = imported.json<PlanDetail>();
  const published = await t.as(planner, {
    method: 'POST',
    url: `/api/plans/${draft.id}/publish`,
    payload: { version: draft.version },
  });
  expect(published.statusCode).toBe(200);
  return published.json<PlanDetail>();
}

async function report(as: Session, itemId: string, unitId: string, periodId: string, percent: number) {
  const response = await t.as(as, {
    method: 'POST',
    url: '/api/reports',
    payload: { itemId, unitId, periodId, percent, narrative: `进度${String(percent)}`, submit: true },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ report: ReportDto }>().report;
}

beforeAll(async () => {
  t = await createTestApp({
    readPlan: (bytes, options) => parsePlan(bytes, options),
    now: '2026-05-10T02:00:00Z',
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  maternalReporter = await t.login(c.users.otherReporter);
  plan = await importPublished(planText(20));
  const periods = (
    await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${plan.id}/periods`,
      payload: { kind: 'monthly', dueDay: 25 },
    })
  ).json<{ periods: { id: string }[] }>().periods;
  const board = await boardOf(plan.id);
  const medicalLed = board.filter((x) => x.leadUnits.some((u) => u.id === c.units.medical.id));
  const maternalLed = board.filter((x) => x.leadUnits.some((u) => u.id === c.units.maternal.id));
  const [march, april] = [periods[2]?.id ?? '', periods[3]?.id ?? ''];
  // Accepted March and April reports on some tasks, a pending one on others, a supporting unit's too.
  for (const [i, task] of medicalLed.slice(0, 6).entries()) {
    const first = await report(reporter, task.id, c.units.medical.id, march, 20 + i);
    await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${first.id}/accept`,
      payload: { version: first.version },
    });
    const next = await report(reporter, task.id, c.units.medical.id, april, i % 2 === 0 ? 100 : 45);
    if (i < 4)
      await t.as(planner, {
        method: 'POST',
        url: `/api/reports/${next.id}/accept`,
        payload: { version: next.version },
      });
  }
  const supported = board.find((x) => x.supportUnits.some((u) => u.id === c.units.medical.id));
  if (supported) await report(reporter, supported.id, c.units.medical.id, march, 30);
  for (const task of maternalLed.slice(0, 3))
    await report(maternalReporter, task.id, c.units.maternal.id, march, 10);
  second = await importPublished(planText(4));
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

/** The whole plan's tasks as the board builds them from every row of the plan: the oracle. */
async function boardOf(planId: string): Promise<TaskDto[]> {
  const header = await findPlan(t.db, c.tenant.id, planId);
  if (!header) throw new Error('no plan');
  return (await loadTaskBoard(t.db, header, t.clock.now())).tasks;
}

interface Page {
  tasks: TaskDto[];
  nextCursor: string | null;
}

/** Reads every page of a list, `limit` at a time; the sizes of the pages. */
async function pages(
  as: Session,
  url: string,
  limit: number,
): Promise<{ tasks: TaskDto[]; sizes: number[] }> {
  const tasks: TaskDto[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const response = await t.as(as, {
      method: 'GET',
      url: `${url}${sep}limit=${String(limit)}${cursor ? `&cursor=${cursor}` : ''}`,
    });
    expect(response.statusCode).toBe(200);
    const page = response.json<Page>();
    expect(page.tasks.length).toBeLessThanOrEqual(limit);
    tasks.push(...page.tasks);
    sizes.push(page.tasks.length);
    cursor = page.nextCursor;
  } while (cursor !== null && sizes.length < 100);
  return { tasks, sizes };
}

describe('GET /api/tasks', () => {
  it('answers 25 tasks by default with a cursor, and pages through every task in plan order as the board has them', async () => {
    const first = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${plan.id}` });
    expect(first.statusCode).toBe(200);
    expect(first.json<Page>().tasks).toHaveLength(25);
    expect(first.json<Page>().nextCursor).toEqual(expect.any(String));

    const board = await boardOf(plan.id);
    expect(board).toHaveLength(60);
    // The fixture gave the oracle something to show: pending, accepted narratives, support units.
    expect(board.some((x) => x.pending.length > 0 && x.latestNarrative !== null)).toBe(true);
    expect(board.some((x) => x.pending.some((r) => !r.counted))).toBe(true);
    expect(new Set(board.map((x) => x.status)).size).toBeGreaterThan(1);
    const listed = await pages(planner, `/api/tasks?planId=${plan.id}`, 25);
    expect(listed.sizes).toEqual([25, 25, 10]);
    expect(listed.tasks).toEqual(board);
  });

  it('filters by status, unit, section, words, deadline and the caller’s units, page by page, as the board would', async () => {
    const board = await boardOf(plan.id);
    const units = (x: TaskDto) => [...x.leadUnits, ...x.supportUnits].map((u) => u.id);
    const section = board[30]?.sectionId ?? '';
    const cases: [string, (x: TaskDto) => boolean][] = [
      ...[...new Set(board.map((x) => x.status))].map((status): [string, (x: TaskDto) => boolean] => [
        `status=${status}`,
        (x) => x.status === status,
      ]),
      [`unitId=${c.units.medical.id}`, (x) => units(x).includes(c.units.medical.id)],
      [`sectionId=${section}`, (x) => x.sectionId === section],
      [`q=${encodeURIComponent('转诊')}`, (x) => `${x.title}\n${x.text}`.includes('转诊')],
      [`q=${encodeURIComponent('医疗服务')}`, (x) => x.sectionTitle?.includes('医疗服务') ?? false],
      ['dueBefore=2026-04-30', (x) => x.deadline !== null && x.deadline <= '2026-04-30'],
      [
        `unitId=${c.units.maternal.id}&q=${encodeURIComponent('转诊')}`,
        (x) => units(x).includes(c.units.maternal.id) && x.title.includes('转诊'),
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = board.filter(keep);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(board.length);
      const listed = await pages(planner, `/api/tasks?planId=${plan.id}&${query}`, 7);
      expect(
        listed.tasks.map((x) => x.id),
        query,
      ).toEqual(expected.map((x) => x.id));
    }
    const mine = await pages(maternalReporter, `/api/tasks?planId=${plan.id}&mine=true`, 7);
    expect(mine.tasks.map((x) => x.id)).toEqual(
      board.filter((x) => units(x).includes(c.units.maternal.id)).map((x) => x.id),
    );
    const nothing = await t.as(planner, {
      method: 'GET',
      url: `/api/tasks?planId=${plan.id}&q=${encodeURIComponent('不存在的词')}`,
    });
    expect(nothing.json<Page>()).toEqual({ tasks: [], nextCursor: null });
  });

  it('lists the tasks of every published plan, plan after plan, across page boundaries', async () => {
    const order = await listPlans(t.db, c.tenant.id, ['published']);
    expect(order.map((p) => p.id).sort()).toEqual([plan.id, second.id].sort());
    const expected: TaskDto[] = [];
    for (const p of order) expected.push(...(await boardOf(p.id)));
    // Pages of 12 end exactly where the 12-task plan ends, whichever plan comes first.
    const listed = await pages(planner, '/api/tasks', 12);
    expect(listed.tasks.map((x) => x.id)).toEqual(expected.map((x) => x.id));
    expect(listed.sizes.filter((n) => n === 12)).toHaveLength(6);
    const my = await pages(reporter, '/api/my/tasks', 10);
    expect(my.tasks.map((x) => x.id)).toEqual(
      expected
        .filter((x) => [...x.leadUnits, ...x.supportUnits].some((u) => u.id === c.units.medical.id))
        .map((x) => x.id),
    );
  });

  it('rejects a limit above 200, a limit of 0 and a cursor it did not give with 400', async () => {
    for (const query of [
      'limit=201',
      'limit=0',
      'cursor=bm9uc2Vuc2U',
      `cursor=${Buffer.from(`${c.tenant.id}:3`).toString('base64url')}`,
    ]) {
      const response = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${plan.id}&${query}` });
      expect(response.statusCode, query).toBe(400);
    }
    const most = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${plan.id}&limit=200` });
    expect(most.json<Page>()).toMatchObject({ nextCursor: null });
    expect(most.json<Page>().tasks).toHaveLength(60);
  });

  it('lists every task of a plan whose statuses are not stored yet (a restored backup), from the plan itself', async () => {
    const board = await boardOf(second.id);
    await t.db
      .deleteFrom('task_status')
      .where('tenant_id', '=', c.tenant.id)
      .where('plan_id', '=', second.id)
      .execute();
    const listed = await pages(planner, `/api/tasks?planId=${second.id}`, 5);
    expect(listed.sizes).toEqual([5, 5, 2]);
    expect(listed.tasks).toEqual(board);
  });
});
