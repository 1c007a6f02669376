import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../services/passwords.js';
import { TEST_PASSWORD } from '../testing/factories.js';
import { seedScale } from '../testing/scale-seed.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';

/**
 * The hot requests' statements on a mid-size database (50 commissions, ≈ 2,500 tasks, ≈ 24,000 reports, the
 * national seed's shape at small scale): each statement the API sent is EXPLAINed with its own parameters, and
 * none may read a large tenant table (reports, target values, statuses, items, targets) by a sequential scan —
 * each request must find its commission's rows by index, whatever the other commissions hold. Both databases:
 * PGlite is PostgreSQL too, with the same planner, so the same plans are checked there.
 */
const LARGE_TABLES = ['progress_reports', 'target_actuals', 'task_status', 'items', 'targets'];
const NOW = '2026-12-20T02:00:00Z';
const COUNTY = 'nat-00040';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function sequentialScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(sequentialScans)];
}

let recording: { sql: string; parameters: readonly unknown[] }[] | null = null;
let t: TestApp;
let planner: Session;
let reporter: Session;
let planId: string;
let submission: { itemId: string; unitId: string; periodId: string };

async function login(username: string): Promise<Session> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD, tenant: COUNTY },
  });
  expect(response.statusCode).toBe(200);
  return {
    cookie: response.cookies.find((c) => c.name === 'yd_session')?.value ?? '',
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
  };
}

beforeAll(async () => {
  t = await createTestApp({
    now: NOW,
    onQuery: (text, parameters) => recording?.push({ sql: text, parameters }),
  });
  await seedScale(t.db, {
    tenants: 50,
    tasks: [40, 60],
    years: [2026],
    maxTargets: 2,
    now: new Date(NOW),
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  // A task of the county whose lead unit has not reported for December (not yet due): the reporter submits it.
  const { rows } = await sql<{
    plan_id: string;
    item_id: string;
    unit_id: string;
    period_id: string;
    k: string;
  }>`
    select ts.plan_id, ts.item_id, ts.lead_unit_ids[1] as unit_id, m.id as period_id, u.name as k
    from tenants tn
    join task_status ts on ts.tenant_id = tn.id
    join org_units u on u.tenant_id = tn.id and u.id = ts.lead_unit_ids[1]
    join reporting_periods m on m.tenant_id = tn.id and m.plan_id = ts.plan_id and m.starts_on = '2026-12-01'
    where tn.code = ${COUNTY} and not exists (
      select 1 from progress_reports r
      where r.tenant_id = tn.id and r.item_id = ts.item_id and r.period_id = m.id)
    order by ts.position limit 1`.execute(t.db);
  const row = rows[0];
  if (!row) throw new Error('the seed left no December report to submit');
  planId = row.plan_id;
  submission = { itemId: row.item_id, unitId: row.unit_id, periodId: row.period_id };
  const { rows: users } = await sql<{ username: string }>`
    select us.username from users us join user_units uu on uu.tenant_id = us.tenant_id and uu.user_id = us.id
    join tenants tn on tn.id = us.tenant_id
    where tn.code = ${COUNTY} and uu.unit_id = ${row.unit_id}`.execute(t.db);
  planner = await login('planner');
  reporter = await login(users[0]?.username ?? '');
  // Seeding takes seconds on a quiet machine; on this shared one it has taken minutes.
}, 600_000);
afterAll(async () => {
  await t.close();
}, 60_000);

/** The statements of one request (BEGIN, COMMIT and savepoints left out). */
async function statementsOf(request: () => Promise<{ statusCode: number; body: string }>, status = 200) {
  recording = [];
  const response = await request();
  const recorded = recording;
  recording = null;
  expect(response.statusCode, response.body).toBe(status);
  return recorded.filter((s) => /^\s*(select|insert|update|delete|with)\b/i.test(s.sql));
}

async function seqScansOf(statements: { sql: string; parameters: readonly unknown[] }[]) {
  const found: string[] = [];
  for (const statement of statements) {
    const result = await t.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
      CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]),
    );
    const raw = result.rows[0]?.['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
    for (const table of sequentialScans(plan[0].Plan))
      if (LARGE_TABLES.includes(table))
        found.push(`${table}: ${statement.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return found;
}

describe('hot queries on 50 commissions', () => {
  it('the check finds a sequential scan where no index serves the predicate', async () => {
    const found = await seqScansOf([
      { sql: 'select id from progress_reports where narrative = $1', parameters: ['按计划推进。'] },
    ]);
    expect(found).toHaveLength(1);
  });

  it('a dashboard (summary and attainment) reads no large table sequentially', async () => {
    const summary = await statementsOf(() =>
      t.as(planner, { method: 'GET', url: `/api/plans/${planId}/summary` }),
    );
    const attainment = await statementsOf(() =>
      t.as(planner, { method: 'GET', url: `/api/plans/${planId}/attainment` }),
    );
    expect(summary.some((s) => s.sql.includes('progress_reports'))).toBe(true);
    expect(await seqScansOf([...summary, ...attainment])).toEqual([]);
  });

  it('a page of 25 tasks, the plan tree and a task’s reports read no large table sequentially', async () => {
    const list = await statementsOf(() =>
      t.as(planner, { method: 'GET', url: `/api/tasks?planId=${planId}&limit=25` }),
    );
    const tree = await statementsOf(() => t.as(planner, { method: 'GET', url: `/api/plans/${planId}` }));
    const reports = await statementsOf(() =>
      t.as(planner, { method: 'GET', url: `/api/reports?itemId=${submission.itemId}` }),
    );
    expect(reports.some((s) => s.sql.includes('progress_reports'))).toBe(true);
    expect(await seqScansOf([...list, ...tree, ...reports])).toEqual([]);
  });

  it('a submission and its acceptance read no large table sequentially', async () => {
    let reportId = '';
    let version = 0;
    const submit = await statementsOf(async () => {
      const response = await t.as(reporter, {
        method: 'POST',
        url: '/api/reports',
        payload: { ...submission, percent: 95, narrative: '按计划推进。', submit: true },
      });
      ({ id: reportId, version } = response.json<{ report: { id: string; version: number } }>().report);
      return response;
    }, 201);
    const accept = await statementsOf(() =>
      t.as(planner, { method: 'POST', url: `/api/reports/${reportId}/accept`, payload: { version } }),
    );
    expect(await seqScansOf([...submit, ...accept])).toEqual([]);
  });
});
