/**
 * A server process for the kill -9 test (src/ops/crash-reports.test.ts): the real app on the database named by
 * its environment, on a free loopback port it prints as `port <n>`, so the test can SIGKILL it under load and
 * start it again.
 *   WORKER_PGLITE_DIR | (DATABASE_URL + WORKER_SCHEMA), WORKER_NOW, WORKER_FILES
 */
import { fixedClock } from '../config/clock.js';
import { openDatabase } from '../db/database.js';
import { buildApp } from '../http/app.js';
import { diskFileStore } from '../repositories/file-store.js';

const env = process.env;
const database = await openDatabase({
  url: env.WORKER_PGLITE_DIR ? null : (env.DATABASE_URL ?? null),
  embeddedDir: env.WORKER_PGLITE_DIR ?? 'memory://',
  ...(env.WORKER_SCHEMA ? { searchPath: env.WORKER_SCHEMA } : {}),
});
const app = await buildApp(
  {
    db: database.db,
    clock: fixedClock(new Date(env.WORKER_NOW ?? '')),
    readPlan: () => Promise.reject(new Error('no imports in the crash test')),
    maxUploadBytes: 1024 * 1024,
    files: diskFileStore(env.WORKER_FILES ?? ''),
    maxAttachmentBytes: 64 * 1024,
  },
  { secureCookies: false },
);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`port ${String(typeof address === 'object' && address ? address.port : 0)}\n`);
