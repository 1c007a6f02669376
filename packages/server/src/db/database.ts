import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type LogEvent, type Transaction } from 'kysely';
import pg from 'pg';
import { preparingPool } from './prepared-statements.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
/** What repositories take: the database or a transaction on it. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  /** The schema migrations go into when not the default (per-test-file schemas on PostgreSQL). */
  schema: string | null;
  close(): Promise<void>;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
// pg types its parsers by an enum of known OIDs; any OID the server sends is fine here.
const defaultParser = pg.types.getTypeParser as (
  oid: number,
  format: 'text' | 'binary',
) => (value: string) => unknown;

/** Per-pool parsers (no global mutation): numbers as numbers, calendar dates as YYYY-MM-DD strings. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === OID.int8 || oid === OID.numeric) return (value: string) => Number(value);
    if (oid === OID.date) return (value: string) => value;
    return defaultParser(oid, format ?? 'text');
  },
};

export interface DatabaseOptions {
  /** A PostgreSQL server; null for the embedded database. */
  url: string | null;
  /** Where the embedded database keeps its files; 'memory://' for none. */
  embeddedDir: string;
  /** PostgreSQL only: the schema the pool's connections use (tests give each file its own). */
  searchPath?: string;
  maxConnections?: number;
  /**
   * Told the text and parameters of every statement sent, BEGIN and COMMIT included (tests count statements
   * per request and check each names one tenant).
   */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

/** One code path for both databases: kysely's PostgresDialect over a pg.Pool. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const onQuery = options.onQuery;
  const log = onQuery
    ? (event: LogEvent): void => {
        onQuery(event.query.sql, event.query.parameters);
      }
    : undefined;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
      ...(log ? { log } : {}),
    });
    return { db, kind: 'postgres', schema: options.searchPath ?? null, close: () => db.destroy() };
  }
  if (options.embeddedDir !== 'memory://')
    await fs.mkdir(path.dirname(options.embeddedDir), { recursive: true });
  const pglite = await PGlite.create(options.embeddedDir);
  // PGlite has one connection; its config object carries a fake socket, so extend it rather than copy it.
  const pool = new pg.Pool(Object.assign(createPgConfig(pglite), { max: 1, types }));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return {
    db,
    kind: 'embedded',
    schema: null,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
