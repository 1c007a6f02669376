/**
 * `npm run bench:api`: starts Yaodian as a separate process (embedded PGlite; then, with DATABASE_URL, a scratch
 * database on that server, created and dropped), imports a 150- and a 1,000-task plan, and drives each scenario
 * with autocannon at 16 and 64 connections — each scenario run right after the trivial authenticated endpoint
 * (GET /api/auth/me), so every figure comes with its ratio to it, measured in the same minute on the same
 * (shared, noisy) machine. Prints req/s, p50/p99, the ratio, the server's RSS and the plan size.
 * Also the import latency of a 40-task plan document (upload to reviewable draft: parse and inserts in one
 * transaction), sequentially, BENCH_IMPORTS times (default 10): median and best.
 * Not a test: figures depend on the machine. BENCH_SECONDS (default 3) per run; BENCH_DATABASES
 * (default `pglite,postgres`) picks the databases; BENCH_SERVER=dist runs the built server (see bench-server.ts);
 * BENCH_SCENARIOS (comma-separated name prefixes, e.g. `submit,list`) runs only those scenarios, for profiling
 * one path (the gates then print only what ran); BENCH_NODE_ARGS passes flags to the server's node.
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
// BENCH_SIZES=0 measures the import latency only.
const SIZES = (process.env.BENCH_SIZES ?? '150,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const CONNECTIONS = [16, 64];
const DRAIN_MS = Number(process.env.BENCH_DRAIN_MS ?? 3000);
const IMPORTS = Number(process.env.BENCH_IMPORTS ?? 10);
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const ONLY = process.env.BENCH_SCENARIOS?.split(',').filter((s) => s.length > 0) ?? [];
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
  // BENCH_NODE_ARGS: flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a.length > 0);
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(here, 'bench-server.ts')],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
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
  /** Answers other than the expected status (2xx, or 304 for a conditional request), errors and time-outs. */
  unexpected: number;
  statuses: string;
}

async function measure(base: string, connections: number, request: autocannon.Request): Promise<Measured> {
  const result = await autocannon({ url: base, connections, duration: SECONDS, requests: [request] });
  // Requests still in flight when a run stops would be served during the next one: let them drain.
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const stats = Object.entries(result.statusCodeStats ?? {}).map(
    ([code, s]) => [code, s.count ?? 0] as const,
  );
  const expected = (code: string): boolean => code.startsWith('2') || code === '304';
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected:
      stats.filter(([code]) => !expected(code)).reduce((sum, [, n]) => sum + n, 0) +
      result.errors +
      result.timeouts,
    statuses: stats.map(([code, n]) => `${code}×${String(n)}`).join(' '),
  };
}

/** One row of the table, kept for the gates printed at the end. */
interface Row {
  database: string;
  tasks: number;
  connections: number;
  scenario: string;
  ratio: number;
}
const rows: Row[] = [];

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** The ETag a page holds after its first load: the bench then revalidates with it, as the browser does. */
async function etagOf(base: string, session: Session, p: string): Promise<{ etag: string; bytes: number }> {
  const response = await fetch(`${base}${p}`, { headers: headersOf(session) });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { etag: response.headers.get('etag') ?? '', bytes };
}

async function importPlan(base: string, planner: Session, tasks: number) {
  const form = new FormData();
  form.set('file', new Blob([syntheticPlan(tasks)]), `bench-${String(tasks)}.txt`);
  const imported = await fetch(`${base}/api/plans`, {
    method: 'POST',
    headers: headersOf(planner),
    body: form,
  });
  if (imported.status !== 201)
    throw new Error(`import answered ${String(imported.status)}: ${await imported.text()}`);
  const plan = (await imported.json()) as {
    id: string;
    version: number;
    items: { id: string; parentId: string | null; assignments: { unitId: string; role: string }[] }[];
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
  const taskItems = plan.items.filter((i) => i.parentId !== null);
  const leads = new Set(
    taskItems.flatMap((i) => i.assignments.filter((a) => a.role === 'lead').map((a) => a.unitId)),
  );
  return { id: plan.id, tasks: taskItems.map((i) => i.id), leads, periods };
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

async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
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
      // The statistics the planner reads, as a running server has them: PostgreSQL's autovacuum gathers them
      // within a minute of a bulk change (analyzed here at once, so the first runs do not measure the minute
      // before); the embedded database has no autovacuum and gathers them after a publish itself (db.statistics).
      if (env.DATABASE_URL) await analyze(env.DATABASE_URL);
      // Each submission a new (task, unit, period): units of both reporters, tasks, then periods.
      // Only units that lead the plan's tasks report on them (another unit's submission is refused, 403).
      const slots = reporters.flatMap((r) =>
        r.unitIds.filter((unitId) => plan.leads.has(unitId)).map((unitId) => ({ r, unitId })),
      );
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
      const get = (p: string, etag?: string): autocannon.Request => ({
        method: 'GET',
        path: p,
        headers: etag ? { ...headersOf(planner), 'if-none-match': etag } : headersOf(planner),
      });
      const treePath = `/api/plans/${plan.id}`;
      const summaryPath = `/api/plans/${plan.id}/summary`;
      const scenarios: [string, autocannon.Request][] = [
        ['submit a report', submit],
        ['list tasks, 25 rows', get(`/api/tasks?planId=${plan.id}&limit=25`)],
        // What the plan and dashboard pages do after their first load: revalidate (If-None-Match → 304). The
        // figures below them are the first load's (a full 200 body), reported beside, not gated.
        // Their ETag is read right before the run (below): the submissions before it change the summary's.
        ['plan tree', get(treePath, 'revalidate')],
        ['summary', get(summaryPath, 'revalidate')],
        ['plan tree, 1st load', get(treePath)],
        ['summary, 1st load', get(summaryPath)],
        ["one task's reports", get(`/api/reports?itemId=${someTask}`)],
      ];
      const bodies = {
        tree: (await etagOf(base, planner, treePath)).bytes,
        summary: (await etagOf(base, planner, summaryPath)).bytes,
      };
      console.log(
        `${label.padEnd(10)}  ${String(plan.tasks.length).padStart(4)} tasks  first-load bodies: tree ${String(Math.round(bodies.tree / 1024))} kB, summary ${String(Math.round(bodies.summary / 1024))} kB; load ${loadAverage()}`,
      );
      for (const connections of CONNECTIONS) {
        for (const [name, scenario] of scenarios) {
          if (ONLY.length > 0 && !ONLY.some((prefix) => name.startsWith(prefix))) continue;
          const revalidate = scenario.headers?.['if-none-match'] === 'revalidate';
          const request: autocannon.Request = revalidate
            ? {
                ...scenario,
                headers: {
                  ...scenario.headers,
                  'if-none-match': (await etagOf(base, planner, scenario.path ?? '')).etag,
                },
              }
            : scenario;
          const trivial = await measure(base, connections, me);
          const r = await measure(base, connections, request);
          const rss = await rssMb(child.pid);
          const ratio = r.rps / Math.max(trivial.rps, 1);
          rows.push({ database: label, tasks: plan.tasks.length, connections, scenario: name, ratio });
          console.log(
            [
              label.padEnd(10),
              `${String(plan.tasks.length).padStart(4)} tasks`,
              `c=${String(connections).padStart(2)}`,
              name.padEnd(20),
              `${r.rps.toFixed(0).padStart(6)} req/s`,
              `p50 ${String(r.p50).padStart(4)} ms`,
              `p99 ${String(r.p99).padStart(5)} ms`,
              `ratio ${ratio.toFixed(2)} of /me ${trivial.rps.toFixed(0)} req/s (p99 ${String(trivial.p99)} ms)`,
              `RSS ${String(rss)} MB`,
              r.unexpected || trivial.unexpected ? `unexpected: ${r.statuses} / me ${trivial.statuses}` : '',
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

/**
 * The gates, on PostgreSQL at 64 connections, from the ratios above: submit ≥ 0.4 × /me, a page of 25
 * tasks ≥ 0.6 ×, tree and summary (revalidated, as the pages do) on the largest plan ≥ 0.3 ×, and each scenario on
 * the largest plan within 20 % of its figure on the smallest.
 */
function printGates(): void {
  const at = rows.filter((r) => r.database === 'PostgreSQL' && r.connections === 64);
  if (at.length === 0) return;
  const small = Math.min(...at.map((r) => r.tasks));
  const large = Math.max(...at.map((r) => r.tasks));
  const ratio = (scenario: string, tasks: number) =>
    at.find((r) => r.scenario === scenario && r.tasks === tasks)?.ratio ?? 0;
  const gate = (name: string, value: number, holds: boolean) => {
    console.log(`gate  ${holds ? 'holds ' : 'MISSED'}  ${name.padEnd(52)} ${value.toFixed(2)}`);
  };
  gate(
    'submit ≥ 0.4 × /me (largest plan)',
    ratio('submit a report', large),
    ratio('submit a report', large) >= 0.4,
  );
  gate(
    'list 25 ≥ 0.6 × /me (largest plan)',
    ratio('list tasks, 25 rows', large),
    ratio('list tasks, 25 rows', large) >= 0.6,
  );
  for (const s of ['plan tree', 'summary'])
    gate(`${s} (revalidated) ≥ 0.3 × /me on ${String(large)} tasks`, ratio(s, large), ratio(s, large) >= 0.3);
  for (const s of ['submit a report', 'list tasks, 25 rows', 'plan tree', 'summary', "one task's reports"]) {
    const change = ratio(s, large) / Math.max(ratio(s, small), 0.0001);
    gate(`${s}: ${String(large)} tasks within 20 % of ${String(small)} (× shown)`, change, change >= 0.8);
  }
}

async function main(): Promise<void> {
  console.log(
    `yaodian bench:api — ${String(SECONDS)} s per run, ${String(os.cpus().length)} CPUs, node ${process.version}`,
  );
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-bench-'));
  // The demo commission's users drive the runs; a start with DATABASE_URL seeds only when told to.
  // A generous reading time limit: on a loaded machine the 1,000-task document can take longer than the default.
  const common = {
    DATA_DIR: dataDir,
    YAODIAN_NOW: '2026-06-10T02:00:00Z',
    YAODIAN_DEMO: '1',
    YAODIAN_PARSE_TIMEOUT_MS: '300000',
  };
  try {
    console.log(`load average at start: ${loadAverage()} (a shared machine)`);
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
        // BENCH_KEEP_DB=1 keeps the scratch database, to look at its queries' plans afterwards.
        if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${name}`);
        else {
          const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
          await client.connect();
          await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
          await client.end();
        }
      }
    }
    console.log(`load average at end: ${loadAverage()}`);
    printGates();
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}-pg`, { recursive: true, force: true });
  }
}

await main();
