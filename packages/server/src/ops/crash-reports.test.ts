import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan } from '@yaodian/parser';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../config/clock.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.js';
import { diskFileStore } from '../repositories/file-store.js';

/*
 * 等保2.0 三级 · 数据完整性 (and the kill -9 probe): reports acknowledged under load survive a SIGKILL
 * of the server, and sending the unanswered ones again after the restart (same Idempotency-Key) leaves each
 * report exactly once. On embedded PGlite and, with DATABASE_URL, on PostgreSQL.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const serverScript = path.join(here, '../testing/report-server-process.ts');
const repoRoot = path.resolve(here, '../../../..');
const url = process.env.DATABASE_URL ?? null;
const NOW = '2026-12-20T02:00:00Z';
const KILL_AFTER = 40;
const CONCURRENCY = 8;

let dir = '';
let schema = '';

function open(): Promise<Database> {
  return url
    ? openDatabase({ url, embeddedDir: 'memory://', searchPath: schema, maxConnections: 2 })
    : openDatabase({ url: null, embeddedDir: path.join(dir, 'pgdata') });
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url ?? '' });
  await client.connect();
  await client.query(statement);
  await client.end();
}

interface Server {
  base: string;
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | null>;
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    cwd: repoRoot,
    env: {
      ...process.env,
      WORKER_NOW: NOW,
      WORKER_FILES: path.join(dir, 'files'),
      ...(url ? { WORKER_SCHEMA: schema } : { WORKER_PGLITE_DIR: path.join(dir, 'pgdata') }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => {
      resolve(signal);
    }),
  );
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /port (\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => {
      reject(new Error(`server ended before listening: ${out}`));
    });
  });
  return { base: `http://127.0.0.1:${port}`, child, exited };
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(base: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reporter.yizheng', password: DEMO_PASSWORD }),
  });
  const cookie = /yd_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { cookie, csrfToken: ((await r.json()) as { csrfToken: string }).csrfToken };
}

interface Submission {
  key: string;
  body: {
    itemId: string;
    unitId: string;
    periodId: string;
    percent: number;
    narrative: string;
    submit: boolean;
  };
}

async function send(base: string, session: Session, s: Submission): Promise<number> {
  const r = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `yd_session=${session.cookie}`,
      'x-csrf-token': session.csrfToken,
      'idempotency-key': s.key,
    },
    body: JSON.stringify(s.body),
  });
  await r.arrayBuffer();
  return r.status;
}

let submissions: Submission[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-crash-'));
  if (url) {
    schema = `yd_test_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE SCHEMA ${schema}`);
  }
  const database = await open();
  try {
    await migrateToLatest(database.db, url ? schema : null);
    await seedDemo({
      db: database.db,
      clock: fixedClock(new Date(NOW)),
      readPlan: parsePlan,
      maxUploadBytes: 5_000_000,
      files: diskFileStore(path.join(dir, 'files')),
      maxAttachmentBytes: 64 * 1024,
    });
    // Every (task, unit, period) the reporter may report on and nobody has yet.
    const { rows } = await sql<{ item_id: string; unit_id: string; period_id: string }>`
      select a.item_id, a.unit_id, p.id as period_id
      from users u
      join user_units uu on uu.user_id = u.id
      join assignments a on a.unit_id = uu.unit_id and a.tenant_id = u.tenant_id
      join items i on i.id = a.item_id
      join reporting_periods p on p.plan_id = i.plan_id
      where u.username = 'reporter.yizheng'
        and not exists (select 1 from items c where c.parent_id = i.id)
        and not exists (select 1 from progress_reports r
                        where r.item_id = a.item_id and r.unit_id = a.unit_id and r.period_id = p.id)
      order by a.item_id, p.starts_on`.execute(database.db);
    submissions = rows.map((r, n) => ({
      key: randomUUID(),
      body: {
        itemId: r.item_id,
        unitId: r.unit_id,
        periodId: r.period_id,
        percent: n % 100,
        narrative: `第${String(n)}次上报`,
        submit: false,
      },
    }));
  } finally {
    await database.close();
  }
}, 180_000);

afterAll(async () => {
  if (url) await admin(`DROP SCHEMA ${schema} CASCADE`);
  await fs.rm(dir, { recursive: true, force: true });
}, 60_000);

describe('reports across a kill -9 of the server', () => {
  it('keeps every acknowledged report, and each exactly once after the rest are sent again', async () => {
    expect(submissions.length).toBeGreaterThan(KILL_AFTER + CONCURRENCY);
    const first = await startServer();
    const session = await signIn(first.base);
    const acknowledged = new Set<string>();
    const refused = new Map<string, number>();
    let next = 0;
    const alive = (): boolean => !first.child.killed;
    const client = async (): Promise<void> => {
      while (alive() && next < submissions.length) {
        const s = submissions[next++];
        if (!s) return;
        const status = await send(first.base, session, s).catch(() => 0);
        if (status === 201) acknowledged.add(s.key);
        else if (status !== 0) refused.set(s.key, status);
        // The rest of the clients still have requests in flight when it dies.
        if (alive() && acknowledged.size >= KILL_AFTER) first.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    expect(await first.exited).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    // A refusal would be a bug in the test's choice of reports, not a crash effect.
    expect([...refused.values()]).toEqual([]);

    const second = await startServer();
    try {
      const again = await signIn(second.base);
      // Everything sent so far, acknowledged or not, goes again: a replay answers 200, a lost one is made (201).
      const sent = submissions.slice(0, next);
      const replies = await Promise.all(sent.map((s) => send(second.base, again, s)));
      sent.forEach((s, i) => {
        expect([s.key, replies[i]]).toEqual([s.key, acknowledged.has(s.key) ? 200 : expect.any(Number)]);
      });
      expect(replies.every((status) => status === 200 || status === 201)).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    const database = await open();
    try {
      const keys = submissions.slice(0, next).map((s) => s.key);
      const { rows } = await sql<{ idempotency_key: string; n: number }>`
        select idempotency_key, count(*)::int as n from progress_reports
        where idempotency_key = any(${keys}) group by idempotency_key`.execute(database.db);
      const found = new Map(rows.map((r) => [r.idempotency_key, r.n]));
      for (const key of keys) expect([key, found.get(key)]).toEqual([key, 1]);
      const duplicates = await sql<{ n: number }>`
        select count(*)::int as n from (select item_id, unit_id, period_id from progress_reports
          group by item_id, unit_id, period_id having count(*) > 1) d`.execute(database.db);
      expect(duplicates.rows[0]?.n).toBe(0);
      console.log(
        `kill -9 under load (${url ? 'PostgreSQL' : 'PGlite'}): ${String(acknowledged.size)} acknowledged before the kill, ${String(keys.length)} sent in all, each found once`,
      );
    } finally {
      await database.close();
    }
  }, 180_000);
});
