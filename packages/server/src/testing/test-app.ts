import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Clock } from '../config/clock.js';
import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { buildApp } from '../http/app.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { reminderJobHandlers } from '../jobs/reminder-jobs.js';
import { statusJobHandlers } from '../jobs/task-status-jobs.js';
import { diskFileStore } from '../repositories/file-store.js';
import type { Deps, PlanReader } from '../services/deps.js';
import { createTaskPageCache } from '../services/task-page-cache.js';
import { TEST_PASSWORD } from './factories.js';
import { openTestDatabase } from './test-database.js';

export interface MutableClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function mutableClock(start: Date | string): MutableClock {
  let current = new Date(start);
  return {
    now: () => new Date(current.getTime()),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: MutableClock;
  deps: Deps;
  /** Signs a user in through the API. */
  login(user: Pick<UserRow, 'username'>): Promise<Session>;
  /** A request as a signed-in user, CSRF token included. */
  as(session: Session, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Runs the jobs due by the test clock, as a server's worker would; how many ran. */
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

const unusedReader: PlanReader = () => Promise.reject(new Error('this test gave no plan reader'));

export async function createTestApp(
  options: {
    readPlan?: PlanReader;
    now?: string;
    onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(options.onQuery ? { onQuery: options.onQuery } : {});
  const clock = mutableClock(options.now ?? '2026-05-20T02:00:00Z');
  const filesRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-files-'));
  const deps: Deps = {
    db: database.db,
    clock,
    readPlan: options.readPlan ?? unusedReader,
    maxUploadBytes: 2 * 1024 * 1024,
    files: diskFileStore(filesRoot),
    maxAttachmentBytes: 64 * 1024,
    taskPages: createTaskPageCache(),
  };
  const app = await buildApp(deps, { secureCookies: false });
  await app.ready();

  const login = async (user: Pick<UserRow, 'username'>): Promise<Session> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'yd_session');
    if (!cookie) throw new Error('login set no cookie');
    return { cookie: cookie.value, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
  };

  const as = (session: Session, injectOptions: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({
      ...injectOptions,
      cookies: Object.assign({}, injectOptions.cookies, { yd_session: session.cookie }),
      headers: {
        'x-csrf-token': session.csrfToken,
        ...(injectOptions.headers as Record<string, string> | undefined),
      },
    });

  const runner = createJobRunner({
    db: database.db,
    clock,
    // No SMTP server in these tests: e-mail needs an address a test sets, and the reminder tests bring their own.
    handlers: { ...statusJobHandlers, ...reminderJobHandlers({ email: null }) },
  });
  // Test mode, like a demo: an admin may move the clock, and what became due runs.
  deps.timeTravel = {
    advance: (ms) => {
      clock.advance(ms);
      return runner.runDue();
    },
  };
  return {
    app,
    db: database.db,
    clock,
    deps,
    login,
    as,
    runJobs: () => runner.runDue(),
    close: async () => {
      await app.close();
      await database.drop();
      await fs.rm(filesRoot, { recursive: true, force: true });
    },
  };
}
