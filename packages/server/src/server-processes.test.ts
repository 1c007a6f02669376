import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanDetail, PublishFindingDto, ReportDto } from '@yaodian/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo/seed.js';
import { multipartFile } from './testing/plan-fixture.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './testing/round-robin-proxy.js';

/*
 * Stateless servers (docs/SCALE.md, issue 13 What 4): two server processes on one PostgreSQL behind a
 * round-robin proxy, each request of the flow landing on the other process than the one before. Sessions, CSRF
 * tokens, jobs and attachment bytes live in the database, so no step may depend on which process answers.
 * On the embedded database (no DATABASE_URL) only one process can hold the data directory: the same flow runs
 * through the proxy to a single process, which is what an embedded install is.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const serverScript = path.join(here, 'testing/server-process.ts');
const repoRoot = path.resolve(here, '../../..');
const baseUrl = process.env.DATABASE_URL ?? null;
const PROCESSES = baseUrl ? 2 : 1;

const children: ChildProcess[] = [];
let proxy: RoundRobinProxy;
let database = '';
let dataDir = '';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl ?? '' });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Starts a server process and resolves with its URL once it listens (after migrating and seeding). */
async function startProcess(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', YAODIAN_JOB_POLL_MS: '200' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('yaodian: API')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`server process exited (${String(code)}):\n${output}`));
    });
  });
  return `http://127.0.0.1:${String(port)}`;
}

beforeAll(async () => {
  const env: Record<string, string> = { YAODIAN_DEMO: '1', YAODIAN_NOW: '2026-03-10T02:00:00Z' };
  if (baseUrl) {
    database = `yd_two_${randomBytes(5).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${database}`);
    const url = new URL(baseUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-two-'));
  env.DATA_DIR = dataDir;
  // The first migrates and seeds; the second then finds both done.
  const upstreams = [await startProcess(env)];
  if (PROCESSES === 2) upstreams.push(await startProcess(env));
  proxy = await startRoundRobinProxy(upstreams);
}, 240_000);

afterAll(async () => {
  await proxy.close();
  for (const child of children) {
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        resolve();
      }),
    );
    child.kill('SIGTERM');
    await exited;
  }
  if (baseUrl && database) await adminQuery(`DROP DATABASE IF EXISTS ${database}`);
  await fs.rm(dataDir, { recursive: true, force: true });
}, 120_000);

interface Session {
  cookie: string;
  csrf: string;
}

interface Answer {
  status: number;
  upstream: number;
  body: Buffer;
  json: () => unknown;
}

async function call(
  session: Session | null,
  method: string,
  url: string,
  body?: unknown,
  raw?: { payload: Buffer; headers: Record<string, string> },
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = `yd_session=${session.cookie}`;
    headers['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${proxy.url}${url}`, {
    method,
    headers: { ...headers, ...raw?.headers },
    body: raw ? new Uint8Array(raw.payload) : body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    upstream: Number(response.headers.get('x-upstream')),
    body: bytes,
    json: () => JSON.parse(bytes.toString()) as unknown,
  };
}

async function signIn(username: string): Promise<Session> {
  const response = await fetch(`${proxy.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = /yd_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

const PLAN = [
  '临江市2026年卫生健康重点任务（测试）',
  '',
  '一、医疗服务',
  '1.推进胸痛中心建设，年底前完成。（医政科牵头）',
  '2.完善院前急救网络，年底前完成。（医政科牵头）',
].join('\n');

describe(`${String(PROCESSES)} server process(es) behind a round-robin proxy`, () => {
  it('signs in, imports, publishes, submits, returns, resubmits, accepts, attaches and exports across processes', async () => {
    const steps: Answer[] = [];
    const step = async (answer: Promise<Answer>, status: number): Promise<Answer> => {
      const a = await answer;
      expect([a.status, a.body.toString().slice(0, 300)]).toEqual([status, expect.any(String) as string]);
      steps.push(a);
      return a;
    };
    const planner = await signIn('planner');
    const reporter = await signIn('reporter.yizheng');
    const imported = await step(
      call(planner, 'POST', '/api/plans', undefined, multipartFile('plan.txt', PLAN)),
      201,
    );
    const draft = imported.json() as PlanDetail;
    const check = await step(call(planner, 'GET', `/api/plans/${draft.id}/publish-check`), 200);
    const { findings } = check.json() as { findings: PublishFindingDto[] };
    await step(
      call(planner, 'POST', `/api/plans/${draft.id}/publish`, {
        version: draft.version,
        waivers: findings.map((f) => ({ key: f.key, reason: '测试计划' })),
      }),
      200,
    );
    const periods = await step(
      call(planner, 'POST', `/api/plans/${draft.id}/periods`, { kind: 'monthly', dueDay: 25 }),
      200,
    );
    const periodId = (periods.json() as { periods: { id: string }[] }).periods[1]?.id ?? '';
    const task = draft.items.find((i) => i.title.includes('胸痛中心'));
    const unitId = task?.assignments[0]?.unitId ?? '';
    const created = await step(
      call(reporter, 'POST', '/api/reports', { itemId: task?.id, unitId, periodId, percent: 30 }),
      201,
    );
    let report = (created.json() as { report: ReportDto }).report;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x20), Buffer.from('%%EOF')]);
    const attached = await step(
      call(
        reporter,
        'POST',
        `/api/reports/${report.id}/attachments`,
        undefined,
        multipartFile('会议纪要.pdf', pdf),
      ),
      201,
    );
    const attachmentId = (attached.json() as { id: string }).id;
    const fetched = await step(call(planner, 'GET', `/api/attachments/${attachmentId}`), 200);
    expect(fetched.body.equals(pdf)).toBe(true);
    const submitted = await step(
      call(reporter, 'POST', `/api/reports/${report.id}/submit`, { version: report.version }),
      200,
    );
    report = (submitted.json() as { report: ReportDto }).report;
    const returned = await step(
      call(planner, 'POST', `/api/reports/${report.id}/return`, {
        version: report.version,
        reason: '请补充数据',
      }),
      200,
    );
    report = (returned.json() as { report: ReportDto }).report;
    const edited = await step(
      call(reporter, 'PATCH', `/api/reports/${report.id}`, { version: report.version, percent: 50 }),
      200,
    );
    report = (edited.json() as { report: ReportDto }).report;
    const resubmitted = await step(
      call(reporter, 'POST', `/api/reports/${report.id}/submit`, { version: report.version }),
      200,
    );
    report = (resubmitted.json() as { report: ReportDto }).report;
    const accepted = await step(
      call(planner, 'POST', `/api/reports/${report.id}/accept`, { version: report.version }),
      200,
    );
    expect((accepted.json() as { report: ReportDto }).report.state).toBe('accepted');
    const exported = await step(call(planner, 'GET', `/api/plans/${draft.id}/export.xlsx`), 200);
    expect(exported.body.subarray(0, 2).toString()).toBe('PK');
    // The accepted figure shows in the task list whichever process answers.
    const tasks = await step(call(planner, 'GET', `/api/tasks?planId=${draft.id}`), 200);
    expect((tasks.json() as { tasks: { id: string; percent: number | null }[] }).tasks).toContainEqual(
      expect.objectContaining({ id: task?.id, percent: 50 }),
    );
    // A CSRF token from sign-in is refused with another's session, whichever process checks it.
    const forged = await call(
      { ...reporter, csrf: planner.csrf },
      'POST',
      `/api/reports/${report.id}/submit`,
      {
        version: report.version,
      },
    );
    expect(forged.status).toBe(403);
    if (PROCESSES === 2) {
      // Each step landed on the other process than the one before.
      const upstreams = steps.map((s) => s.upstream);
      expect(upstreams.every((u, i) => i === 0 || u !== upstreams[i - 1])).toBe(true);
      expect(new Set(upstreams)).toEqual(new Set([0, 1]));
    }
  }, 240_000);
});
