import { ROLES } from '@yaodian/core';
import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../config/clock.js';
import { buildApp } from '../http/app.js';
import type { Deps } from '../services/deps.js';
import { recomputePlan } from '../services/task-status-recompute.js';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';
import type { CascadeInbox, CascadeRollup } from '@yaodian/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT_CODE, isEmpty, seedDemo } from './seed.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let deps: Deps;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = {
    db: database.db,
    clock: fixedClock(new Date('2026-06-10T02:00:00Z')),
    readPlan: parsePlan,
    maxUploadBytes: 5_000_000,
    // The seed attaches no files; a store that refuses would show it if it tried.
    files: {
      put: () => Promise.reject(new Error('no files')),
      get: () => Promise.reject(new Error('no files')),
      remove: () => Promise.resolve(),
    },
    maxAttachmentBytes: 1024,
  };
  await seedDemo(deps);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await database.drop();
}, DB_HOOK_TIMEOUT);

describe('demo seed', () => {
  it('fills an empty database once', async () => {
    expect(await isEmpty(database.db)).toBe(false);
  });

  it('lets every demo account sign in with the listed password', async () => {
    const app = await buildApp(deps, { secureCookies: false });
    for (const account of DEMO_ACCOUNTS) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: account.username, password: DEMO_PASSWORD },
      });
      expect([account.username, response.statusCode]).toEqual([account.username, 200]);
    }
    // One account per role: the three administrators (三员) and the roles of the plan's work.
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(ROLES));
    await app.close();
  });

  it('publishes the 2026 plan with tasks assigned to units and reports in several review states', async () => {
    const plans = await database.db
      .selectFrom('plans')
      .innerJoin('tenants', 'tenants.id', 'plans.tenant_id')
      .select(['plans.status', 'plans.year', 'plans.title'])
      .where('tenants.code', '=', DEMO_TENANT_CODE)
      .execute();
    expect(plans).toEqual([expect.objectContaining({ status: 'published', year: 2026 })]);
    const assignments = await database.db
      .selectFrom('assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(assignments.n).toBeGreaterThan(10);
    const states = await database.db.selectFrom('progress_reports').select('state').distinct().execute();
    expect(states.map((s) => s.state).sort()).toEqual(['accepted', 'draft', 'returned', 'submitted']);
  });

  it('gives accepted reports target values, so the attainment and trend charts have data', async () => {
    const accepted = await database.db
      .selectFrom('target_actuals')
      .innerJoin('progress_reports', 'progress_reports.id', 'target_actuals.report_id')
      .where('progress_reports.state', '=', 'accepted')
      .select(['target_actuals.target_id', 'target_actuals.value'])
      .execute();
    const targets = await database.db.selectFrom('targets').select('id').execute();
    expect(new Set(accepted.map((a) => a.target_id)).size).toBeGreaterThan(targets.length / 4);
    expect(accepted.every((a) => Number.isFinite(a.value))).toBe(true);
  });

  it('gives the plan owning leaders, its 督办 rules on, and a notice in each state of the flow', async () => {
    const owned = await database.db
      .selectFrom('items')
      .select('id')
      .where('leader_id', 'is not', null)
      .execute();
    expect(owned.length).toBeGreaterThan(0);
    const states = await database.db.selectFrom('supervision_notices').select('status').distinct().execute();
    expect(states.map((s) => s.status).sort()).toEqual([
      'closed',
      'escalated',
      'issued',
      'responded',
      'signed',
    ]);
  });

  it('gives construction-like tasks milestones, one missed, which makes that task behind; saves the assessment rules and the leader’s evaluations', async () => {
    const milestones = await database.db.selectFrom('milestones').select(['name', 'item_id']).execute();
    // What the server's start-up job does for today (the seed wrote each change at its own day).
    const plan = await database.db
      .selectFrom('plans')
      .innerJoin('tenants', 'tenants.id', 'plans.tenant_id')
      .select(['plans.id', 'plans.tenant_id'])
      .where('tenants.code', '=', DEMO_TENANT_CODE)
      .executeTakeFirstOrThrow();
    await database.db
      .transaction()
      .execute((trx) => recomputePlan(trx, plan.tenant_id, plan.id, deps.clock.now()));
    expect(milestones.map((m) => m.name)).toEqual(expect.arrayContaining(['主体封顶', '上线试运行']));
    const missed = await database.db
      .selectFrom('task_status')
      .innerJoin('items', 'items.id', 'task_status.item_id')
      .where('task_status.reason_code', '=', 'milestone_missed')
      .select(['items.title', 'task_status.status', 'task_status.reason'])
      .execute();
    expect(missed).toEqual([
      expect.objectContaining({ status: 'behind', reason: '里程碑“主体封顶”计划2026-06-05完成，尚未完成' }),
    ]);
    expect(await database.db.selectFrom('assessment_rules').select('version').execute()).toHaveLength(1);
    const evaluations = await database.db.selectFrom('leader_evaluations').select('score').execute();
    expect(evaluations.length).toBeGreaterThan(3);
  });

  it('cascades the city plan to its counties, whose accepted figures roll up, with a change still proposed to some', async () => {
    const app = await buildApp(deps, { secureCookies: false });
    const signIn = async (username: string): Promise<string> => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      return response.cookies.find((c) => c.name === 'yd_session')?.value ?? '';
    };
    const get = async <T>(cookie: string, url: string): Promise<T> =>
      (await app.inject({ method: 'GET', url, cookies: { yd_session: cookie } })).json<T>();
    const planner = await signIn('planner');
    const [plan] = (await get<{ plans: { id: string }[] }>(planner, '/api/plans')).plans;
    const rollup = await get<CascadeRollup>(planner, `/api/plans/${plan?.id ?? ''}/cascade/rollup`);
    expect(rollup.counties).toHaveLength(4);
    expect(rollup.tasks.length).toBeGreaterThan(3);
    expect(rollup.targets.some((x) => x.rolledUp !== null && x.counted > 1)).toBe(true);
    const states = new Set(rollup.targets.flatMap((x) => x.cells.map((c) => c.latestState)));
    expect(states).toEqual(new Set(['accepted', 'returned', 'submitted']));
    expect(rollup.targets.map((x) => x.method)).toEqual(expect.arrayContaining(['sum', 'weighted_mean']));
    const accepted = await get<CascadeInbox>(await signIn('linshui.planner'), '/api/cascade/inbox');
    expect(accepted.entries.length).toBeGreaterThan(3);
    expect(accepted.entries.every((e) => e.proposal === null)).toBe(true);
    const pending = await get<CascadeInbox>(await signIn('qingshi.planner'), '/api/cascade/inbox');
    expect(pending.entries.filter((e) => e.proposal !== null)).toHaveLength(1);
    await app.close();
  });
});
