/**
 * National scale (issue 13, point 3), PostgreSQL only, not in CI:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx packages/server/bench/bench-national.ts
 * Creates the database NATIONAL_DB (default `yaodian_national`, dropped and re-created; never the one in
 * DATABASE_URL), migrates it and seeds NATIONAL_TENANTS (default 3,000) commissions — 31 provinces → cities →
 * counties, 30 units, plans of 40–60 tasks for 2025 (archived) and 2026 (published), 24 monthly periods — by
 * set-based inserts (`src/testing/scale-seed.ts`), timing each step. Then it starts the server on it
 * (YAODIAN_NOW 2026-12-20, so 2026's January–November periods are due) and measures, over HTTP, a commission's
 * dashboard (its two requests, summary and attainment, at once; first loads, no ETag), a page of 25 tasks, and,
 * in SQL, a province's roll-up over its counties (the endpoint is not built yet: the query such an endpoint would
 * run), each NATIONAL_REQUESTS times (default 200) at NATIONAL_CONCURRENCY (default 4), on random commissions;
 * prints p50/p95, the database's size and the machine's load.
 * NATIONAL_SEED=0 measures an existing database again; NATIONAL_DROP=1 drops it at the end.
 * Today's daily jobs (status recompute, reminders, audit seal) are recorded as done before the server starts, so
 * the figures are the daytime steady state, not the 00:05 recompute of every plan.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { ensureAuditSealJobs } from '../src/jobs/audit-seal-jobs.js';
import { ensureReminderJobs } from '../src/jobs/reminder-jobs.js';
import { ensureStatusJobs } from '../src/jobs/task-status-jobs.js';
import { listTenantIds } from '../src/repositories/audit-chain-repository.js';
import { hashPassword } from '../src/services/passwords.js';
import { seedScale } from '../src/testing/scale-seed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ADMIN_URL = process.env.DATABASE_URL ?? '';
const NAME = process.env.NATIONAL_DB ?? 'yaodian_national';
const TENANTS = Number(process.env.NATIONAL_TENANTS ?? 3000);
const REQUESTS = Number(process.env.NATIONAL_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.NATIONAL_CONCURRENCY ?? 4);
const NOW = '2026-12-20T02:00:00Z';

const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(statement);
  await client.end();
}

async function seed(): Promise<void> {
  if (new URL(ADMIN_URL).pathname === `/${NAME}` || NAME === 'test')
    throw new Error('refusing that database');
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${NAME}`);
  const database = await openDatabase({ url: databaseUrl(NAME), embeddedDir: 'memory://' });
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    const shape = await seedScale(database.db, {
      tenants: TENANTS,
      tasks: [40, 60],
      years: [2025, 2026],
      now: new Date(NOW),
      passwordHash: await hashPassword(DEMO_PASSWORD),
      skipForeignKeyChecks: true,
      onStep: (step, ms) => {
        console.log(`seed  ${step.padEnd(16)} ${(ms / 1000).toFixed(1).padStart(7)} s   load ${load()}`);
      },
    });
    const now = new Date(NOW);
    await ensureStatusJobs(database.db, now);
    await ensureAuditSealJobs(database.db, now, loadConfig({}).auditSealMs);
    await ensureReminderJobs(database.db, await listTenantIds(database.db), now);
    await sql`update jobs set state = 'done', finished_at = ${now}`.execute(database.db);
    console.log(
      `seeded ${String(TENANTS)} commissions (${String(shape.provinces)} provinces, ${String(shape.cities)} cities, ${String(shape.counties)} counties) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await database.close();
  }
}

async function facts(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ t: string; n: string }>(`
    select 'tenants' t, count(*)::text n from tenants union all select 'units', count(*)::text from org_units
    union all select 'users', count(*)::text from users union all select 'plans', count(*)::text from plans
    union all select 'tasks', count(*)::text from items where is_task
    union all select 'targets', count(*)::text from targets
    union all select 'periods', count(*)::text from reporting_periods
    union all select 'reports', count(*)::text from progress_reports
    union all select 'target values', count(*)::text from target_actuals
    union all select 'database size', pg_size_pretty(pg_database_size(current_database()))`);
  console.log(
    rows
      .map(
        (r) =>
          `${r.t} ${Number(r.n).toLocaleString('en') === 'NaN' ? r.n : Number(r.n).toLocaleString('en')}`,
      )
      .join(' · '),
  );
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `one` REQUESTS times, CONCURRENCY at once; prints p50/p95/p99 of its milliseconds. */
async function timed(label: string, one: (i: number) => Promise<void>): Promise<void> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < REQUESTS) {
      const i = next++;
      const started = performance.now();
      await one(i);
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms  p99 ${percentile(times, 99).toFixed(0).padStart(5)} ms  (${String(REQUESTS)} × ${String(CONCURRENCY)} at once; load ${load()})`,
  );
}

async function measure(): Promise<void> {
  const url = databaseUrl(NAME);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await facts(client);
  const counties = (
    await client.query<{ code: string; plan: string }>(`
      select t.code, p.id as plan from tenants t join plans p on p.tenant_id = t.id and p.status = 'published'
      where t.level = 'county' order by md5(t.code) limit 40`)
  ).rows;
  const provinces = (await client.query<{ id: string }>(`select id from tenants where level = 'province'`))
    .rows;

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bench-server.ts')], {
    env: { ...process.env, DATABASE_URL: url, YAODIAN_NOW: NOW, YAODIAN_DEMO: '0', DATA_DIR: os.tmpdir() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /port (\d+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => {
        reject(new Error(`server exited with ${String(code)}`));
      });
    });
    const base = `http://127.0.0.1:${port}`;
    const sessions: { cookie: string; plan: string }[] = [];
    for (const county of counties) {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'planner', password: DEMO_PASSWORD, tenant: county.code }),
      });
      if (response.status !== 200) throw new Error(`sign-in answered ${String(response.status)}`);
      sessions.push({
        cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
        plan: county.plan,
      });
    }
    const get = async (cookie: string, p: string): Promise<void> => {
      const response = await fetch(`${base}${p}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${p} answered ${String(response.status)}`);
    };
    const pick = (i: number) => sessions[(i * 7) % sessions.length] ?? { cookie: '', plan: '' };
    // The trivial authenticated request in the same window: what this (shared) machine gives right now.
    await timed('trivial: GET /api/auth/me', async (i) => {
      await get(pick(i).cookie, '/api/auth/me');
    });
    await timed("a county's dashboard (summary + attainment)", async (i) => {
      const s = pick(i);
      await Promise.all([
        get(s.cookie, `/api/plans/${s.plan}/summary`),
        get(s.cookie, `/api/plans/${s.plan}/attainment`),
      ]);
    });
    await timed('a page of 25 tasks', async (i) => {
      const s = pick(i);
      await get(s.cookie, `/api/tasks?planId=${s.plan}&limit=25`);
    });
    await timed("a county's plan tree", async (i) => {
      const s = pick(i);
      await get(s.cookie, `/api/plans/${s.plan}`);
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }

  // A province's roll-up over its counties: the published plan's stored statuses of every county below it,
  // by county — the statement a roll-up endpoint would run (cross-tenant by design: the cascade's allowlist).
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const rollUp = `
    select c.id, c.name, count(*) as tasks, count(*) filter (where ts.status = 'done') as done,
      count(*) filter (where ts.status in ('overdue', 'behind')) as lagging, round(avg(coalesce(ts.percent, 0)), 1) as percent
    from tenants city
    join tenants c on c.parent_id = city.id
    join plans p on p.tenant_id = c.id and p.status = 'published' and p.year = 2026
    join task_status ts on ts.tenant_id = p.tenant_id and ts.plan_id = p.id
    where city.parent_id = $1
    group by c.id, c.name order by c.name`;
  const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${rollUp}`, [
    provinces[0]?.id,
  ]);
  console.log(plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
  await timed("a province's roll-up over its counties (SQL)", async (i) => {
    await pool.query(rollUp, [provinces[i % provinces.length]?.id]);
  });
  await pool.end();
  await client.end();
}

async function main(): Promise<void> {
  if (!ADMIN_URL) throw new Error('DATABASE_URL names the PostgreSQL server (its database is not used)');
  console.log(
    `bench:national — ${String(TENANTS)} commissions, ${String(os.cpus().length)} CPUs, load ${load()}`,
  );
  if (process.env.NATIONAL_SEED !== '0') await seed();
  await measure();
  if (process.env.NATIONAL_DROP === '1') await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
}

await main();
