import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../config/clock.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { dingTalkSign } from '../messaging/robot-sender.js';
import type { Actor } from '../policies/actor.js';
import { updateNotificationSettings } from '../repositories/notification-repository.js';
import { replaceUnitRobots } from '../repositories/reminder-repository.js';
import type { Deps } from '../services/deps.js';
import { generatePeriods } from '../services/period-service.js';
import { checkPublish, importPlan, publishPlan } from '../services/plan-service.js';
import { createCommission } from '../testing/commission.js';
import { createUser } from '../testing/factories.js';
import { planFixture } from '../testing/plan-fixture.js';

/*
 * The kill test for reminders: a real server process (as `npm start` runs it) starts with reminders
 * due, is SIGKILLed while it is delivering them (the third e-mail is held open at the SMTP server), and is
 * started again. Every message must arrive exactly once, counted where it arrives: a real SMTP server
 * process on loopback and a DingTalk-style robot receiver that checks the signature. On the embedded
 * database, and on PostgreSQL when DATABASE_URL is set.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const serverScript = path.join(here, '../testing/server-process.ts');
const repoRoot = path.resolve(here, '../../../..');
const baseUrl = process.env.DATABASE_URL ?? null;
// Tuesday 26 May 2026, 09:00 in China: one working day after May's due date, so May's reports are late.
const NOW = '2026-05-26T01:00:00Z';
const SECRET = 'SEC-kill-test';
const EXTRA_REPORTERS = 3;

let dataDir = '';
let databaseName = '';
let smtp: SMTPServer;
let robot: Server;
const mails: string[] = [];
const robotPosts: string[] = [];
let mailFroms = 0;
let holdThird: (() => void) | null = null;
let onThird: (() => void) | null = null;

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl ?? '' });
  await client.connect();
  await client.query(statement);
  await client.end();
}

function databaseUrl(): string | null {
  if (!baseUrl) return null;
  const url = new URL(baseUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

function open(): Promise<Database> {
  const url = databaseUrl();
  return url
    ? openDatabase({ url, embeddedDir: 'memory://', maxConnections: 2 })
    : openDatabase({ url: null, embeddedDir: path.join(dataDir, 'pgdata') });
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

interface Child {
  lines: string[];
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

async function startServer(smtpPort: number): Promise<Child> {
  const url = databaseUrl();
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      YAODIAN_NOW: NOW,
      YAODIAN_DEMO: '0',
      YAODIAN_JOB_POLL_MS: '200',
      SMTP_URL: `smtp://127.0.0.1:${String(smtpPort)}`,
      LOG_LEVEL: 'silent',
      ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (lines.some((l) => l.includes('yaodian: serving'))) resolve();
      else if (child.exitCode !== null) reject(new Error(`server ended: ${lines.join(' | ')}`));
      else setTimeout(check, 100);
    };
    check();
  });
  return { lines, ready, exited, kill: (signal) => child.kill(signal) };
}

async function until(predicate: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let expectedMails = 0;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-remind-'));
  if (baseUrl) {
    databaseName = `yd_remind_${randomBytes(5).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${databaseName}`);
  }
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      mailFroms += 1;
      if (mailFroms === 3) {
        // Hold the third message open and let the test kill the server while it waits.
        holdThird = () => {
          callback(new Error('server went away'));
        };
        onThird?.();
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        mails.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  robot = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const signed =
        url.searchParams.get('sign') === dingTalkSign(SECRET, Number(url.searchParams.get('timestamp')));
      if (signed) robotPosts.push(`${url.pathname}:${body}`);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(signed ? { errcode: 0 } : { errcode: 310000, errmsg: 'sign not match' }));
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  const robotPort = (robot.address() as AddressInfo).port;

  const database = await open();
  try {
    await migrateToLatest(database.db);
    const c = await createCommission(database.db);
    const deps: Deps = {
      db: database.db,
      clock: fixedClock(new Date('2026-02-10T02:00:00Z')),
      readPlan: () => Promise.resolve(planFixture()),
      maxUploadBytes: 1_000_000,
      files: {
        put: () => Promise.reject(new Error('no files')),
        get: () => Promise.reject(new Error('no files')),
        remove: () => Promise.resolve(),
      },
      maxAttachmentBytes: 1024,
    };
    const planner: Actor = {
      tenantId: c.tenant.id,
      userId: c.users.planner.id,
      role: 'planner',
      unitIds: [c.units.planning.id],
    };
    const draft = await importPlan(deps, planner, { fileName: 'plan.txt', bytes: Buffer.from('plan') });
    const { findings } = await checkPublish(deps, planner, draft.id);
    await publishPlan(
      deps,
      planner,
      draft.id,
      draft.version,
      findings.map((f) => ({ key: f.key, reason: '测试：发布后落实' })),
    );
    await generatePeriods(deps, planner, draft.id, { kind: 'monthly', dueDay: 25 });
    const reporters = [c.users.reporter, c.users.otherReporter];
    for (let i = 0; i < EXTRA_REPORTERS; i += 1)
      reporters.push(
        await createUser(database.db, c.tenant.id, { role: 'reporter', unitIds: [c.units.medical.id] }),
      );
    for (const [i, user] of reporters.entries())
      await updateNotificationSettings(database.db, c.tenant.id, user.id, {
        email: `reporter${String(i)}@example.cn`,
        notifyEmail: true,
      });
    expectedMails = reporters.length;
    for (const unit of [c.units.medical, c.units.maternal])
      await replaceUnitRobots(database.db, c.tenant.id, unit.id, [
        {
          kind: 'dingtalk',
          webhookUrl: `http://127.0.0.1:${String(robotPort)}/robot/${unit.id}`,
          secret: SECRET,
          enabled: true,
        },
      ]);
  } finally {
    await database.close();
  }
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => {
    smtp.close(() => {
      resolve();
    });
  });
  await new Promise<void>((resolve) => {
    robot.close(() => {
      resolve();
    });
  });
  if (baseUrl) await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await fs.rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('reminders across a kill -9 of the server', () => {
  it('delivers every due reminder exactly once when the server is killed while sending and restarted', async () => {
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const third = new Promise<void>((resolve) => {
      onThird = resolve;
    });
    const first = await startServer(smtpPort);
    await first.ready;
    await third;
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    holdThird?.();
    // Two e-mails went out before the kill; the third was in flight and never completed.
    expect(mails).toHaveLength(2);

    const second = await startServer(smtpPort);
    await second.ready;
    await until(() => mails.length >= expectedMails && robotPosts.length >= 2, 'every reminder to arrive');
    // Give a duplicate, if there were one, the time to arrive too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    second.kill('SIGTERM');
    await second.exited;

    expect(mails.slice().sort()).toEqual(
      Array.from({ length: expectedMails }, (_, i) => `reporter${String(i)}@example.cn`).sort(),
    );
    expect(new Set(robotPosts).size).toBe(robotPosts.length);
    expect(robotPosts).toHaveLength(2);

    const database = await open();
    try {
      const messages = await database.db
        .selectFrom('outbound_messages')
        .select(['channel', 'state'])
        .execute();
      expect(messages.filter((m) => m.state === 'sent')).toHaveLength(expectedMails + 2);
      expect(messages.every((m) => m.state === 'sent')).toBe(true);
      const notifications = await database.db
        .selectFrom('notifications')
        .select(['user_id', 'key'])
        .execute();
      expect(new Set(notifications.map((n) => `${n.user_id}:${n.key}`)).size).toBe(notifications.length);
    } finally {
      await database.close();
    }
  }, 300_000);
});
