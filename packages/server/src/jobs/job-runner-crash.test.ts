import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTenant } from '../testing/factories.js';
import { insertJobs } from './job-repository.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.join(here, '../testing/job-worker-process.ts');
const repoRoot = path.resolve(here, '../../../..');
const url = process.env.DATABASE_URL ?? null;
const NOW = '2026-03-01T02:00:00Z';
const JOBS = 6;

let pgliteDir = '';
let schema = '';

/** The test's own connection; on PGlite it must be closed while a worker process holds the directory. */
function open(): Promise<Database> {
  return url
    ? openDatabase({ url, embeddedDir: 'memory://', searchPath: schema, maxConnections: 2 })
    : openDatabase({ url: null, embeddedDir: pgliteDir });
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url ?? '' });
  await client.connect();
  await client.query(statement);
  await client.end();
}

interface Worker {
  lines: string[];
  waitFor(predicate: (lines: string[]) => boolean): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

function startWorker(mode: 'slow' | 'drain'): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    cwd: repoRoot,
    env: {
      ...process.env,
      WORKER_MODE: mode,
      WORKER_NOW: NOW,
      ...(url ? { WORKER_SCHEMA: schema } : { WORKER_PGLITE_DIR: pgliteDir }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const wake of waiters.splice(0)) wake();
      resolve({ code, signal });
    }),
  );
  const waitFor = async (predicate: (l: string[]) => boolean): Promise<void> => {
    while (!predicate(lines)) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`worker ended early: ${lines.join(' | ')}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { lines, waitFor, exited, kill: () => child.kill('SIGKILL') };
}

let tenantId = '';

beforeAll(async () => {
  if (url) {
    schema = `yd_test_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE SCHEMA ${schema}`);
  } else {
    pgliteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-jobs-'));
  }
  const database = await open();
  try {
    await migrateToLatest(database.db, url ? schema : null);
    // Effects are counted, not deduplicated: a job that acted twice leaves two rows.
    await sql`create table job_effects (job_key text not null, pid integer not null)`.execute(database.db);
    tenantId = (await createTenant(database.db)).id;
    const due = new Date(new Date(NOW).getTime() - 60_000);
    await insertJobs(
      database.db,
      Array.from({ length: JOBS }, (_, i) => ({
        tenantId,
        name: 'count-effect',
        key: `effect-${i}`,
        runAt: new Date(due.getTime() + i),
      })),
      due,
    );
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  if (url) await admin(`DROP SCHEMA ${schema} CASCADE`);
  else await fs.rm(pgliteDir, { recursive: true, force: true });
}, 60_000);

describe('job runner across a kill -9', () => {
  it('runs every due job exactly once when its worker is killed inside a job and restarted', async () => {
    const first = startWorker('slow');
    // Two jobs committed, the third inside its transaction with its effect written but not committed.
    await first.waitFor((l) => l.includes('ran 2') && l.includes('started effect-2'));
    first.kill();
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = startWorker('drain');
    await second.waitFor((l) => l.some((line) => line.startsWith('idle')));
    expect((await second.exited).code).toBe(0);
    expect(second.lines).toContain(`idle ${JOBS - 2}`);

    const database = await open();
    try {
      const effects = await sql<{ job_key: string; n: number }>`
        select job_key, count(*)::int as n from job_effects group by job_key order by job_key`.execute(
        database.db,
      );
      expect(effects.rows).toEqual(
        Array.from({ length: JOBS }, (_, i) => ({ job_key: `effect-${i}`, n: 1 })),
      );
      const jobs = await database.db
        .selectFrom('jobs')
        .select(['key', 'state', 'attempts'])
        .where('tenant_id', '=', tenantId)
        .orderBy('key')
        .execute();
      expect(jobs).toEqual(
        Array.from({ length: JOBS }, (_, i) => ({ key: `effect-${i}`, state: 'done', attempts: 1 })),
      );
    } finally {
      await database.close();
    }
  }, 180_000);
});
