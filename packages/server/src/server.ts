import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { clockFrom, movableClock } from './config/clock.js';
import type { Config } from './config/config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { migrateAsOwner } from './db/runtime-role.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './demo/seed.js';
import { buildApp } from './http/app.js';
import { DEFAULT_WEB_DIR } from './http/web-app.js';
import { auditSealHandlers, ensureAuditSealJobs } from './jobs/audit-seal-jobs.js';
import { createJobRunner } from './jobs/job-runner.js';
import { ensureReminderJobs, reminderJobHandlers } from './jobs/reminder-jobs.js';
import { ensureStatusJobs, statusJobHandlers } from './jobs/task-status-jobs.js';
import { emailSender } from './messaging/email-sender.js';
import { diskFileStore } from './repositories/file-store.js';
import { createWorkerPlanReader } from './parsing/plan-reader-pool.js';
import { hasDemoTenant, listTenantIds } from './repositories/tenant-repository.js';
import type { Deps } from './services/deps.js';
import { createTaskPageCache } from './services/task-page-cache.js';
import { startStatisticsUpkeep } from './db/embedded-statistics.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds the demo on an empty one, and listens. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const database = await openDatabase({
    url: config.databaseUrl,
    embeddedDir: path.join(config.dataDir, 'pgdata'),
  });
  // Plan documents are read in worker threads, so one hostile upload never holds the event loop.
  const planReader = createWorkerPlanReader({
    limits: config.parse.limits,
    timeoutMs: config.parse.timeoutMs,
    concurrency: config.parse.concurrency,
  });
  try {
    // With an owner role, the schema is changed by it alone; this server's own role only reads and writes.
    const applied =
      config.databaseOwnerUrl && config.databaseUrl
        ? await migrateAsOwner(config.databaseOwnerUrl, config.databaseUrl)
        : await migrateToLatest(database.db);
    if (applied.length > 0) log(`yaodian: applied migrations ${applied.join(', ')}`);
    // Movable only through deps.timeTravel, which a production server never gets (below).
    const clock = movableClock(clockFrom(config.now));
    const deps: Deps = {
      db: database.db,
      clock,
      readPlan: planReader.read,
      maxUploadBytes: config.maxUploadBytes,
      files: diskFileStore(path.join(config.dataDir, 'attachments')),
      maxAttachmentBytes: config.maxAttachmentBytes,
      ...(config.taskPageCache > 0 ? { taskPages: createTaskPageCache(config.taskPageCache) } : {}),
    };
    let seeded = false;
    if (config.seedDemo && (await isEmpty(database.db))) {
      log('yaodian: seeding the demo commission (临江市卫生健康委员会)…');
      await seedDemo(deps);
      seeded = true;
    }
    // The embedded database's planner statistics (it has no autovacuum): now, then every 10 minutes.
    const statistics = startStatisticsUpkeep(database, 10 * 60_000, (error) => {
      log(`yaodian: gathering the embedded database's statistics failed: ${String(error)}`);
    });
    await statistics.run();
    await ensureStatusJobs(database.db, deps.clock.now());
    await ensureAuditSealJobs(database.db, deps.clock.now(), config.auditSealMs);
    await ensureReminderJobs(database.db, await listTenantIds(database.db), deps.clock.now());
    // Every server process runs a worker; SKIP LOCKED hands each due job to one of them.
    const jobs = createJobRunner({
      db: database.db,
      clock: deps.clock,
      handlers: {
        ...statusJobHandlers,
        ...auditSealHandlers({ algorithm: config.auditHash, intervalMs: config.auditSealMs }),
        ...reminderJobHandlers({ email: config.smtp ? emailSender(config.smtp) : null }),
      },
      pollMs: config.jobPollMs,
      onError: (error, job) => {
        log(`yaodian: job ${job ? `${job.name} ${job.key}` : 'runner'} failed: ${String(error)}`);
      },
    });
    jobs.start();
    if (!config.production && (seeded || (await hasDemoTenant(database.db))))
      deps.timeTravel = {
        advance: async (ms) => {
          clock.advance(ms);
          return jobs.runDue();
        },
      };
    const app = await buildApp(deps, {
      ...(config.tls
        ? { https: { cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) } }
        : {}),
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      logger: { level: config.logLevel },
      webDir: config.webDir ?? DEFAULT_WEB_DIR,
      log,
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `${config.tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${String(port)}`;
    log(
      `yaodian: serving ${url} on the ${database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'}`,
    );
    log(`yaodian: API ${url}/api/docs · OpenAPI ${url}/api/openapi.json`);
    if (seeded || (await hasDemoTenant(database.db))) {
      log(
        `yaodian: DEMO data — not for real use. Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(', ')}`,
      );
    } else if (await isEmpty(database.db)) {
      log(
        'yaodian: no commission yet; create one and its first admin with `yaodian tenant add --code CODE --name NAME --admin USER` (password on standard input)',
      );
    }
    return {
      app,
      database,
      url,
      close: async () => {
        await app.close();
        statistics.stop();
        await planReader.close();
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await planReader.close();
    await database.close();
    throw error;
  }
}
