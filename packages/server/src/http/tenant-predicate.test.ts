import type { CascadeInbox, PlanDetail, ReportDto, YearLinkList } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRIBUTED_TABLES } from '../db/citus-distribution.js';
import { createCommission, type Commission } from '../testing/commission.js';
import { createTenant, createUser } from '../testing/factories.js';
import { multipartFile, planFixture } from '../testing/plan-fixture.js';
import { publishFixturePlan } from '../testing/published-plan.js';
import { tenantReferences, tenantScopeProblems } from '../testing/tenant-predicate.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/**
 * Statements that may cross tenants, each with why. Everything else the API sends must name one tenant, so
 * Citus can route it to one node (docs/SCALE.md).
 */
const CROSS_TENANT: readonly { name: string; matches: RegExp; reason: string }[] = [
  {
    name: 'sign-in user lookup',
    matches:
      /from "users" inner join "tenants" on "tenants"\."id" = "users"\."tenant_id" where "users"\."username" =/,
    reason:
      'a user name is looked up in every commission before we know whose it is (optionally narrowed by code)',
  },
  {
    name: 'public page lookup',
    matches: /from "plans" where "public_id" = \$1/,
    reason:
      'the public page (公示) knows only its unguessable id until it finds the plan; it reads the tenant and id, then everything within that tenant',
  },
  {
    name: 'job claiming',
    matches: /from "?jobs"?[^;]*for update skip locked/i,
    reason: 'a worker claims due jobs of any tenant; each job then runs in its own tenant',
  },
];

const tenantTables = new Set<string>(DISTRIBUTED_TABLES);
const recorded: { sql: string; parameters: readonly unknown[] }[] = [];
let t: TestApp;
let c: Commission;

beforeAll(async () => {
  t = await createTestApp({
    readPlan: () => Promise.resolve(planFixture()),
    now: '2026-03-10T02:00:00Z',
    onQuery: (sql, parameters) => recorded.push({ sql, parameters }),
  });
  c = await createCommission(t.db);
  // A second commission, so a statement that forgot its tenant would have another tenant's rows to meet.
  await createCommission(t.db);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('every statement names one tenant', () => {
  it('flags a statement without a tenant_id predicate and one comparing tenant_id with two tenants', () => {
    const t1 = '11111111-1111-1111-1111-111111111111';
    const t2 = '22222222-2222-2222-2222-222222222222';
    expect(tenantScopeProblems('select * from items where id = $1', ['x'], tenantTables)).toEqual([
      'items has no tenant_id predicate',
    ]);
    expect(
      tenantScopeProblems(
        'select * from items i join assignments a on a.item_id = i.id where i.tenant_id = $1',
        [t1],
        tenantTables,
      ),
    ).toEqual(['assignments (a) has no tenant_id predicate']);
    expect(
      tenantScopeProblems(
        'select * from items i join assignments a on a.tenant_id = $2 and a.item_id = i.id where i.tenant_id = $1',
        [t1, t2],
        tenantTables,
      ),
    ).toEqual(['tenant_id compared with 2 different values']);
    expect(
      tenantScopeProblems(
        'select * from "items" as "i" inner join "assignments" as "a" on "a"."tenant_id" = "i"."tenant_id" where "i"."tenant_id" = $1',
        [t1],
        tenantTables,
      ),
    ).toEqual([]);
    expect(
      tenantReferences('select 1 from (select 1) as one left join chain c on true', tenantTables),
    ).toEqual([]);
    // A column naming another commission (a county bureau unit's linked commission) is a value, not a key.
    expect(
      tenantScopeProblems(
        'update "org_units" set "linked_tenant_id" = $1 where "tenant_id" = $2 and "id" = $3',
        [t2, t1, 'x'],
        tenantTables,
      ),
    ).toEqual([]);
    expect(
      tenantScopeProblems(
        'update "org_units" set "linked_tenant_id" = $1 where "id" = $2',
        [t2, 'x'],
        tenantTables,
      ),
    ).toEqual(['org_units has no tenant_id predicate']);
  });

  it('holds for sign-in, import, publish, submit, return, resubmit, accept, lists, summary, tree, export, year-over-year links, values, tokens, the public page and the cascade', async () => {
    const planner = await t.login(c.users.planner);
    const reporter = await t.login(c.users.reporter);
    const p = await publishFixturePlan(t, planner);
    const task = p.item('推进紧密型县域医共体建设');
    const periodId = p.periods[1]?.id ?? '';
    const created = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: { itemId: task.id, unitId: c.units.medical.id, periodId, percent: 30, submit: true },
    });
    expect(created.statusCode).toBe(201);
    let report = created.json<{ report: ReportDto }>().report;
    const returned = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/return`,
      payload: { version: report.version, reason: '请补充数据' },
    });
    expect(returned.statusCode).toBe(200);
    report = returned.json<{ report: ReportDto }>().report;
    const edited = await t.as(reporter, {
      method: 'PATCH',
      url: `/api/reports/${report.id}`,
      payload: { version: report.version, percent: 45 },
    });
    expect(edited.statusCode).toBe(200);
    report = edited.json<{ report: ReportDto }>().report;
    const resubmitted = await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${report.id}/submit`,
      payload: { version: report.version },
    });
    expect(resubmitted.statusCode).toBe(200);
    report = resubmitted.json<{ report: ReportDto }>().report;
    const accepted = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      payload: { version: report.version },
    });
    expect(accepted.statusCode).toBe(200);
    for (const url of [
      `/api/tasks?planId=${p.plan.id}&limit=25`,
      `/api/plans/${p.plan.id}/summary`,
      `/api/plans/${p.plan.id}`,
      `/api/plans/${p.plan.id}/export.xlsx`,
      `/api/reports?planId=${p.plan.id}`,
      '/api/auth/me',
    ]) {
      const response = await t.as(planner, { method: 'GET', url });
      expect([url, response.statusCode]).toEqual([url, 200]);
    }
    // Year over year: a next-year draft linked to the published plan, decided, carried forward; a history.
    const { payload, headers } = multipartFile('plan.txt', 'plan');
    const draft = (
      await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers })
    ).json<PlanDetail>();
    const nextYear = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${draft.id}`,
      payload: { version: draft.version, year: draft.year + 1 },
    });
    expect(nextYear.statusCode).toBe(200);
    const proposed = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/year-links/propose`,
      payload: { previousPlanId: p.plan.id },
    });
    const [link] = proposed.json<YearLinkList>().links;
    expect(link).toBeDefined();
    const decided = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/year-links/decisions`,
      payload: { decisions: [{ id: link?.id, version: link?.version, status: 'confirmed' }] },
    });
    expect(decided.statusCode).toBe(200);
    const carried = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/carry-forward`,
      payload: { previousPlanId: p.plan.id },
    });
    expect(carried.statusCode).toBe(200);
    for (const url of [
      `/api/plans/${draft.id}/year-links`,
      `/api/targets/${task.targets[0]?.id ?? ''}/history`,
    ]) {
      const response = await t.as(planner, { method: 'GET', url });
      expect([url, response.statusCode]).toEqual([url, 200]);
    }
    // Another system pushes a value with a token; the public page is read without sign-in.
    const admin = await t.login(c.users.admin);
    const token = await t.as(admin, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: '平台', scopes: ['values:write'] },
    });
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/api/values',
      headers: { authorization: `Bearer ${token.json<{ secret: string }>().secret}` },
      payload: {
        planId: p.plan.id,
        periodId: p.periods[2]?.id,
        values: [{ itemId: task.id, unitId: c.units.medical.id, percent: 60 }],
      },
    });
    expect(pushed.statusCode).toBe(201);
    const shown = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/public`,
      payload: { public: true },
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/public/plans/${shown.json<{ publicId: string }>().publicId}`,
    });
    expect(page.statusCode).toBe(200);
    // The cascade (issue 10): every path across commissions reads or writes one commission per statement —
    // the city's rows with the city's id, each county's with the county's — so none needs the allowlist.
    const countyTenants = [
      await createTenant(t.db, { parentId: c.tenant.id, level: 'county' }),
      await createTenant(t.db, { parentId: c.tenant.id, level: 'county' }),
    ];
    for (const [i, unit] of [c.units.countyA, c.units.countyB].entries()) {
      const linked = await t.as(admin, {
        method: 'PATCH',
        url: `/api/units/${unit.id}`,
        payload: { linkedTenantId: countyTenants[i]?.id },
      });
      expect(linked.statusCode).toBe(200);
    }
    const countyUsers = [];
    for (const county of countyTenants) {
      await createUser(t.db, county.id, { role: 'admin' });
      countyUsers.push(await t.login(await createUser(t.db, county.id, { role: 'planner' })));
    }
    const target = p.item('强化妇幼健康服务').targets[0];
    for (const call of [
      { method: 'GET' as const, url: `/api/plans/${p.plan.id}/cascade` },
      {
        method: 'PUT' as const,
        url: '/api/cascade/weights',
        payload: { name: '常住人口', values: countyTenants.map((x) => ({ tenantId: x.id, value: 10 })) },
      },
      {
        method: 'PUT' as const,
        url: `/api/plans/${p.plan.id}/targets/${target?.id ?? ''}/quotas`,
        payload: { method: 'weighted_mean', weight: '常住人口' },
      },
      { method: 'POST' as const, url: `/api/plans/${p.plan.id}/cascade`, payload: {} },
    ]) {
      const response = await t.as(planner, call);
      expect([call.url, response.statusCode]).toEqual([call.url, 200]);
    }
    const countyPlanner = countyUsers[0];
    if (!countyPlanner) throw new Error('no county planner');
    const relined = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}/targets/${target?.id ?? ''}`,
      payload: { version: target?.version, value: 9 },
    });
    expect(relined.statusCode).toBe(200);
    const inbox = await t.as(countyPlanner, { method: 'GET', url: '/api/cascade/inbox' });
    const entry = inbox.json<CascadeInbox>().entries[0];
    const accept = await t.as(countyPlanner, {
      method: 'POST',
      url: `/api/cascade/inbox/${entry?.itemId ?? ''}/accept`,
      payload: { fingerprint: entry?.proposal?.fingerprint ?? '' },
    });
    expect(accept.statusCode).toBe(200);
    for (const url of ['/api/cascade/parent-tasks', '/api/cascade/weights']) {
      const response = await t.as(countyPlanner, { method: 'GET', url });
      expect([url, response.statusCode]).toEqual([url, 200]);
    }
    const rollup = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/cascade/rollup` });
    expect(rollup.statusCode).toBe(200);
    await t.runJobs();

    const findings: string[] = [];
    const allowed = new Map<string, number>();
    for (const { sql, parameters } of recorded) {
      const problems = tenantScopeProblems(sql, parameters, tenantTables);
      if (problems.length === 0) continue;
      const exception = CROSS_TENANT.find((e) => e.matches.test(sql));
      if (exception) allowed.set(exception.name, (allowed.get(exception.name) ?? 0) + 1);
      else findings.push(`${problems.join('; ')}:\n  ${sql.replace(/\s+/g, ' ').slice(0, 400)}`);
    }
    expect(recorded.length).toBeGreaterThan(100);
    expect(findings).toEqual([]);
    // The allowlist is used: an entry nothing needs any more goes.
    expect([...allowed.keys()].sort()).toEqual(['job claiming', 'public page lookup', 'sign-in user lookup']);
  }, 240_000);
});
