/**
 * `npm run bench:api -w packages/server`: drives an in-process Yaodian over loopback HTTP — submit reports,
 * list tasks, load a plan tree — at 16 and 64 connections, printing requests/second and p50/p99.
 * Embedded PGlite by default; with DATABASE_URL, a scratch database on that server (created and dropped).
 * Not a test: figures depend on the machine.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { startServer } from '../src/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Plans have 30–200 tasks; a large one shows how the per-plan work scales.
const TASKS = Number(process.env.BENCH_TASKS ?? 1000);

function syntheticPlan(): string {
  const lines = ['临江市2026年卫生健康重点任务压力测试清单', '', '一、压力测试任务'];
  for (let i = 1; i <= TASKS; i++)
    lines.push(`${String(i)}.推进第${String(i)}项重点工作，年底前完成。（医政科牵头，规信科配合）`);
  return lines.join('\n');
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

const call = (
  base: string,
  s: Session,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function run(
  connections: number,
  next: () => Promise<Response>,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        const response = await next();
        latencies.push(performance.now() - start);
        const failed = response.status >= 300 ? await response.text() : (await response.arrayBuffer(), '');
        if (response.status >= 300) {
          errors += 1;
          if (errors === 1)
            console.log(`  first failure: ${String(response.status)} ${failed.slice(0, 200)}`);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), errors };
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-bench-'));
  let url: string | null = null;
  let dropDatabase = async (): Promise<void> => {};
  if (process.env.DATABASE_URL) {
    const name = `yaodian_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(process.env.DATABASE_URL);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      YAODIAN_NOW: '2026-06-10T02:00:00Z',
      ...(url ? { DATABASE_URL: url } : {}),
    }),
    port: 0,
  };
  const server = await startServer(config, () => undefined);
  const address = server.app.server.address();
  const base = `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`;
  try {
    const planner = await login(base, 'planner');
    const reporter = await login(base, 'reporter.yizheng');
    const form = new FormData();
    form.set('file', new Blob([syntheticPlan()]), 'bench.txt');
    const imported = await fetch(`${base}/api/plans`, {
      method: 'POST',
      headers: { cookie: planner.cookie, 'x-csrf-token': planner.csrf },
      body: form,
    });
    const plan = (await imported.json()) as {
      id: string;
      version: number;
      items: { id: string; parentId: string | null }[];
    };
    // The synthetic plan's findings (if any) are waived, as a planner would on the review page.
    const { findings } = (await (
      await call(base, planner, 'GET', `/api/plans/${plan.id}/publish-check`)
    ).json()) as { findings: { key: string }[] };
    await call(base, planner, 'POST', `/api/plans/${plan.id}/publish`, {
      version: plan.version,
      waivers: findings.map((f) => ({ key: f.key, reason: 'bench' })),
    });
    const periods = (
      (await (
        await call(base, planner, 'POST', `/api/plans/${plan.id}/periods`, { kind: 'monthly', dueDay: 25 })
      ).json()) as { periods: { id: string }[] }
    ).periods;
    const me = (await (await call(base, reporter, 'GET', '/api/auth/me')).json()) as {
      unitIds: string[];
      unitNames: string[];
    };
    // The synthetic plan's lead is 医政科 (an alias of 医政医管科); the reporter's units come in no fixed order.
    const leadUnit = me.unitIds[me.unitNames.findIndex((name) => name.startsWith('医政'))] ?? me.unitIds[0];
    const tasks = plan.items.filter((i) => i.parentId !== null).map((i) => i.id);
    console.log(
      `yaodian bench: ${server.database.kind} database, plan of ${String(tasks.length)} tasks, ${String(SECONDS)} s per run`,
    );

    let n = 0;
    const submit = (): Promise<Response> => {
      const i = n++;
      const task = tasks[i % tasks.length] ?? '';
      const period = periods[Math.floor(i / tasks.length) % periods.length]?.id ?? '';
      return call(
        base,
        reporter,
        'POST',
        '/api/reports',
        {
          itemId: task,
          unitId: leadUnit,
          periodId: period,
          percent: 40,
          narrative: '按计划推进。',
          submit: true,
        },
        { 'idempotency-key': `bench-${String(i)}-${task}` },
      );
    };
    const scenarios: [string, () => Promise<Response>][] = [
      ['submit report', submit],
      ['list all tasks (2 plans)', () => call(base, planner, 'GET', '/api/tasks')],
      [
        `load plan tree (${String(tasks.length)} items)`,
        () => call(base, planner, 'GET', `/api/plans/${plan.id}`),
      ],
    ];
    for (const [name, next] of scenarios) {
      for (const connections of [16, 64]) {
        const r = await run(connections, next);
        console.log(
          `${name.padEnd(32)} c=${String(connections).padStart(2)}  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms${r.errors ? `  (${String(r.errors)} non-2xx)` : ''}`,
        );
      }
    }
  } finally {
    await server.close();
    await dropDatabase();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
