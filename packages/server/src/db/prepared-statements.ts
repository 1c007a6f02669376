import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Named (prepared) statements on a PostgreSQL server. Every statement the API sends is parsed, analysed and
 * planned by the server each time it arrives unnamed; the hot ones (a report's checks with their recursive
 * ancestry, a page of tasks with its reports) cost more to plan than to run. Sent with a name, each connection
 * prepares a text once and afterwards only binds and executes it: the same answers, less server CPU per request.
 *
 * Only data statements are named (SELECT, INSERT, UPDATE, DELETE, WITH), not transaction control or DDL, and at
 * most `limit` distinct texts per process (each connection keeps what it prepared for its life): a text seen
 * after the limit is sent unnamed, as before. The name is a hash of the text, so one name is never two texts.
 */
const DATA_STATEMENT = /^\s*\(?\s*(select|insert|update|delete|with)\b/i;

export interface PreparedStatementOptions {
  /** Distinct statement texts this process names (default 1,000). */
  limit?: number;
}

/** Wraps a pg pool for kysely's PostgresDialect so its clients send data statements as named statements. */
export function preparingPool(pool: pg.Pool, options: PreparedStatementOptions = {}): PostgresPool {
  const limit = options.limit ?? 1000;
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || names.size >= limit || !DATA_STATEMENT.test(text)) return known;
    const name = `yd_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
    return name;
  };
  return {
    connect: async (): Promise<PostgresPoolClient> => {
      const client = await pool.connect();
      function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
      function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
      function query<R>(
        sqlOrCursor: string | PostgresCursor<R>,
        parameters?: ReadonlyArray<unknown>,
      ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
        // A cursor (kysely's streaming) goes through untouched.
        if (typeof sqlOrCursor !== 'string')
          return client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
        const name = nameOf(sqlOrCursor);
        const values = [...(parameters ?? [])];
        const config: pg.QueryConfig = name
          ? { name, text: sqlOrCursor, values }
          : { text: sqlOrCursor, values };
        return client.query(config) as unknown as Promise<PostgresQueryResult<R>>;
      }
      return {
        query,
        release: () => {
          client.release();
        },
      };
    },
    end: () => pool.end(),
  };
}
