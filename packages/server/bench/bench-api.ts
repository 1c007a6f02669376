/**
 * `npm run bench:api`: starts Yaodian as a separate process (embedded PGlite; then, with DATABASE_URL, a scratch
 * database on that server, created and dropped), imports a 150- and a 1,000-task plan, and drives each scenario
 * with autocannon at 16 and 64 connections — each scenario run right after the trivial authenticated endpoint
 * (GET /api/auth/me), so every figure comes with its ratio to it, measured in the same minute on the same
 * (shared, noisy) machine. Prints req/s, p50/p99, the ratio, the server's RSS and the plan size.
 * Also the import latency of a 40-task plan document (upload to reviewable draft: parse and inserts in one
 * transaction), sequentially, BENCH_IMPORTS times (default 10): median and best.
 * Not a test: figures depend on the machine. BENCH_SECONDS (default 3) per run; BENCH_DATABASES
 * (default `pglite,postgres`) picks the databases.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/seed.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '150,1000').split(',').map(Number);
const CONNECTIONS = [16, 64];
const DRAIN_MS = Number(process.env.BENCH_DRAIN_MS ?? 3000);
const IMPORTS = Number(process.env.BENCH_IMPORTS ?? 10);
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const here = path.dirname(fileURLToPath(import.meta.url));

/** Every task led by four units, so two reporters can submit many distinct reports. */
function syntheticPlan(tasks: number): string {
  const lines = [`临江市2026年卫生健康重点任务压力测试清单（${String(tasks)}项）`, '', '一、压力测试任务'];
  for (let i = 1; i <= tasks; i++)
    lines.push(
      `${String(i)}.推进第${String(i)}项重点工作，年底前完成。（医政科、体改科、疾病预防控制科、妇幼健康科牵头，规信科配合）`,
    );
  return lines.join('\n');
}

interface Session {
  cookie: string;
  csrf: string;
  unitIds: string[];
}

async function login(base: string, username: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
    unitIds: string[];
  };
  return { cookie, csrf: body.csrfToken, unitIds: me.unitIds };
}

const headersOf = (s: Session): Record<string, string> => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bench-server.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
  return { child, base: `http://127.0.0.1:${port}` };
}

async function rssMb(pid: number | undefined): Promise<number> {
  const status = await fs.readFile(`/proc/${String(pid)}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function measure(base: string, connections: number, request: autocannon.Request): Promise<Measured> {
  const result = await autocannon({ url: base, connections, duration: SECONDS, requests: [request] });
  // Requests still in flight when a run stops would be served during the next one: let them drain.
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

async function importPlan(base: string, planner: Session, tasks: number) {
  const form = new FormData();
  form.set('file', new Blob([syntheticPlan(tasks)]), `bench-${String(tasks)}.txt`);
  const imported = await fetch(`${base}/api/plans`, {
    method: 'POST',
    headers: headersOf(planner),
    body: form,
  });
  const plan = (await imported.json()) as {
    id: string;
    version: number;
    items: { id: string; parentId: string | null }[];
  };
  const json = { ...headersOf(planner), 'content-type': 'application/json' };
  // The synthetic plan's findings (if any) are waived, as a planner would on the review page.
  const { findings } = (await (
    await fetch(`${base}/api/plans/${plan.id}/publish-check`, { headers: headersOf(planner) })
  ).json()) as { findings: { key: string }[] };
  await fetch(`${base}/api/plans/${plan.id}/publish`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      version: plan.version,
      waivers: findings.map((f) => ({ key: f.key, reason: 'bench' })),
    }),
  });
  const periods = (
    (await (
      await fetch(`${base}/api/plans/${plan.id}/periods`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ kind: 'monthly', dueDay: 25 }),
      })
    ).json()) as { periods: { id: string }[] }
  ).periods.map((p) => p.id);
  return { id: plan.id, tasks: plan.items.filter((i) => i.parentId !== null).map((i) => i.id), periods };
}

/** Wall time of importing a 40-task plan document to a reviewable draft, over HTTP, one at a time. */
async function importLatency(label: string, base: string, planner: Session): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < IMPORTS; i++) {
    const form = new FormData();
    form.set(
      'file',
      new Blob([syntheticPlan(40).replace('清单', `清单${String(i)}`)]),
      `import-${String(i)}.txt`,
    );
    const started = performance.now();
    const response = await fetch(`${base}/api/plans`, {
      method: 'POST',
      headers: headersOf(planner),
      body: form,
    });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 201) throw new Error(`import answered ${String(response.status)}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${label.padEnd(10)}  import a 40-task plan to a draft: median ${median.toFixed(0)} ms, best ${(times[0] ?? 0).toFixed(0)} ms over ${String(IMPORTS)}`,
  );
}

async function benchDatabase(label: string, env: Record<string, string>): Promise<void> {
  const { child, base } = await startProcess(env);
  try {
    const planner = await login(base, 'planner');
    await importLatency(label, base, planner);
    const reporters = [await login(base, 'reporter.yizheng'), await login(base, 'reporter.jikong')];
    const me: autocannon.Request = { method: 'GET', path: '/api/auth/me', headers: headersOf(planner) };
    for (const size of SIZES) {
      const plan = await importPlan(base, planner, size);
      // Each submission a new (task, unit, period): units of both reporters, tasks, then periods.
      const slots = reporters.flatMap((r) => r.unitIds.map((unitId) => ({ r, unitId })));
      let n = 0;
      const submit: autocannon.Request = {
        method: 'POST',
        path: '/api/reports',
        setupRequest: (req) => {
          const i = n++;
          const slot = slots[i % slots.length];
          const task = plan.tasks[Math.floor(i / slots.length) % plan.tasks.length] ?? '';
          const period =
            plan.periods[Math.floor(i / (slots.length * plan.tasks.length)) % plan.periods.length];
          if (!slot) return req;
          return {
            ...req,
            headers: {
              ...headersOf(slot.r),
              'content-type': 'application/json',
              'idempotency-key': `bench-${plan.id}-${String(i)}`,
            },
            body: JSON.stringify({
              itemId: task,
              unitId: slot.unitId,
              periodId: period,
              percent: 40,
              narrative: '按计划推进。',
              submit: true,
            }),
          };
        },
      };
      const someTask = plan.tasks[Math.floor(plan.tasks.length / 2)] ?? '';
      const get = (p: string): autocannon.Request => ({
        method: 'GET',
        path: p,
        headers: headersOf(planner),
      });
      const scenarios: [string, autocannon.Request][] = [
        ['submit a report', submit],
        ['list tasks, 25 rows', get(`/api/tasks?planId=${plan.id}&limit=25`)],
        ['plan tree', get(`/api/plans/${plan.id}`)],
        ['summary', get(`/api/plans/${plan.id}/summary`)],
        ["one task's reports", get(`/api/reports?itemId=${someTask}`)],
      ];
      for (const connections of CONNECTIONS) {
        for (const [name, request] of scenarios) {
          const trivial = await measure(base, connections, me);
          const r = await measure(base, connections, request);
          const rss = await rssMb(child.pid);
          console.log(
            [
              label.padEnd(10),
              `${String(plan.tasks.length).padStart(4)} tasks`,
              `c=${String(connections).padStart(2)}`,
              name.padEnd(20),
              `${r.rps.toFixed(0).padStart(6)} req/s`,
              `p50 ${String(r.p50).padStart(4)} ms`,
              `p99 ${String(r.p99).padStart(5)} ms`,
              `ratio ${(r.rps / Math.max(trivial.rps, 1)).toFixed(2)} of /me ${trivial.rps.toFixed(0)} req/s`,
              `RSS ${String(rss)} MB`,
              r.non2xx || trivial.non2xx ? `non-2xx ${String(r.non2xx + trivial.non2xx)}` : '',
            ].join('  '),
          );
        }
      }
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  console.log(
    `yaodian bench:api — ${String(SECONDS)} s per run, ${String(os.cpus().length)} CPUs, node ${process.version}`,
  );
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-bench-'));
  // The demo commission's users drive the runs; a start with DATABASE_URL seeds only when told to.
  const common = { DATA_DIR: dataDir, YAODIAN_NOW: '2026-06-10T02:00:00Z', YAODIAN_DEMO: '1' };
  try {
    console.log(
      `load average at start: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (a shared machine)`,
    );
    if (DATABASES.includes('pglite')) await benchDatabase('PGlite', common);
    if (process.env.DATABASE_URL && DATABASES.includes('postgres')) {
      const name = `yaodian_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      try {
        await benchDatabase('PostgreSQL', {
          ...common,
          DATA_DIR: `${dataDir}-pg`,
          DATABASE_URL: url.toString(),
        });
      } finally {
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await client.end();
      }
    }
    console.log(
      `load average at end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}-pg`, { recursive: true, force: true });
  }
}

await main();
