import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, migrateToLatest, type Config, type Database, type Db } from '@yaodian/server';
import type { CommandIo } from '../io.js';
import { main } from '../main.js';
import { openConfiguredDatabase } from '../server-context.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One Yaodian installation for a test file: a temporary DATA_DIR with the embedded database, or, when
 * DATABASE_URL is set, a database of its own on that server (dropped by dispose). Commands run
 * in-process; the database stays open between them because the embedded one takes seconds to start.
 */
export interface ServerEnv {
  dataDir: string;
  env: Record<string, string>;
  run(
    argv: string[],
    options?: { stdin?: string; env?: Record<string, string>; untilStopped?: () => Promise<void> },
  ): Promise<RunResult>;
  /** The same database the commands use, migrated. */
  db(): Promise<Db>;
  config(): Config;
  dispose(): Promise<void>;
}

export async function createServerEnv(extraEnv: Record<string, string> = {}): Promise<ServerEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yaodian-cli-data-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    YAODIAN_DEMO: '0',
    YAODIAN_NOW: '2026-05-10T09:00:00+08:00',
    ...extraEnv,
  };
  const serverUrl = process.env.DATABASE_URL;
  let databaseName: string | null = null;
  if (serverUrl) {
    databaseName = `yd_cli_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${databaseName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    env.DATABASE_URL = url.toString();
  }
  let shared: Database | null = null;
  const openShared = async (config: Config): Promise<Database> => {
    shared ??= await openConfiguredDatabase(config);
    return { ...shared, close: () => Promise.resolve() };
  };
  const config = (): Config => loadConfig(env);
  return {
    dataDir,
    env,
    config,
    async run(argv, options = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const io: CommandIo = {
        stdout: (s) => out.push(s),
        stderr: (s) => err.push(s),
        readStdin: () => Promise.resolve(new TextEncoder().encode(options.stdin ?? '')),
        env: { ...env, ...options.env },
        openDatabase: openShared,
        ...(options.untilStopped ? { untilStopped: options.untilStopped } : {}),
      };
      const code = await main(argv, io);
      return { code, stdout: out.join(''), stderr: err.join('') };
    },
    async db() {
      const { db } = await openShared(config());
      await migrateToLatest(db);
      return db;
    },
    async dispose() {
      await shared?.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (serverUrl && databaseName)
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** PGlite's cold start takes ~4 s alone and more on a busy machine. */
export const DB_HOOK_TIMEOUT = 60_000;
