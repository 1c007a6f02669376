import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../config/clock.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateAsOwner } from '../db/runtime-role.js';
import { buildApp } from '../http/app.js';
import { diskFileStore } from '../repositories/file-store.js';
import { sealAuditChain, verifyChain } from '../services/audit-chain-service.js';
import type { Deps } from '../services/deps.js';
import { createCommission } from '../testing/commission.js';
import { TEST_PASSWORD } from '../testing/factories.js';
import { openTestDatabase, DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全审计 c (对审计记录进行保护，避免受到未预期的删除、修改或覆盖). On PostgreSQL the server runs as a
 * role that does not own the schema (DATABASE_URL), while migrations run as the owner (DATABASE_OWNER_URL): it
 * can neither switch the audit log's triggers off nor update or delete its rows, and the application works.
 * The embedded database has one superuser: there the hash chain alone protects the log, and the test shows
 * that it catches what the superuser can do (docs/SECURITY.md says so).
 */
const serverUrl = process.env.DATABASE_URL;
const suffix = randomBytes(5).toString('hex');
const names = { database: `yd_own_${suffix}`, owner: `yd_owner_${suffix}`, runtime: `yd_app_${suffix}` };

function urlFor(role: string): string {
  const url = new URL(serverUrl ?? '');
  url.username = role;
  url.password = '';
  url.pathname = `/${names.database}`;
  return url.toString();
}

async function asSuperuser(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

let runtime: Database | null = null;
let embedded: (Database & { drop(): Promise<void> }) | null = null;
let filesRoot = '';

beforeAll(async () => {
  filesRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-owner-'));
  if (!serverUrl) {
    embedded = await openTestDatabase();
    return;
  }
  await asSuperuser([
    `CREATE ROLE ${names.owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
    `CREATE ROLE ${names.runtime} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
    `CREATE DATABASE ${names.database} OWNER ${names.owner}`,
  ]);
  await migrateAsOwner(urlFor(names.owner), urlFor(names.runtime));
  runtime = await openDatabase({ url: urlFor(names.runtime), embeddedDir: 'memory://', maxConnections: 2 });
}, DB_HOOK_TIMEOUT);

afterAll(async () => {
  await runtime?.close();
  await embedded?.drop();
  await fs.rm(filesRoot, { recursive: true, force: true });
  if (serverUrl)
    await asSuperuser([
      `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`,
      `DROP ROLE IF EXISTS ${names.runtime}`,
      `DROP ROLE IF EXISTS ${names.owner}`,
    ]);
}, DB_HOOK_TIMEOUT);

describe('等保2.0 三级 · 安全审计 (security audit): the log is out of the server role’s reach', () => {
  it('on PostgreSQL refuses the runtime role ALTER … DISABLE TRIGGER, UPDATE and DELETE on the log while the app works; on the embedded database the chain catches an edit', async () => {
    if (!runtime) {
      // The embedded database: one superuser, who can switch the trigger off; the sealed chain names the edit.
      const db = embedded?.db;
      if (!db) throw new Error('no database');
      const c = await createCommission(db);
      await db
        .insertInto('audit_log')
        .values({
          tenant_id: c.tenant.id,
          actor_id: null,
          action: 'x',
          entity: 'e',
          entity_id: '1',
          at: new Date(),
        })
        .execute();
      await db.transaction().execute((trx) => sealAuditChain(trx, c.tenant.id, new Date(), 'sha256'));
      await db.transaction().execute(async (trx) => {
        await sql`alter table audit_log disable trigger user`.execute(trx);
        await sql`update audit_log set action = 'y' where tenant_id = ${c.tenant.id}`.execute(trx);
        await sql`alter table audit_log enable trigger user`.execute(trx);
      });
      expect((await verifyChain(db, c.tenant.id)).firstBroken).toMatchObject({
        seq: 1,
        reason: 'entry_changed',
      });
      return;
    }
    const db = runtime.db;
    // The application, on the runtime role: sign in, an audited change, the seal job's insert, the check.
    const c = await createCommission(db);
    const deps: Deps = {
      db,
      clock: fixedClock(new Date('2026-06-01T02:00:00Z')),
      readPlan: () => Promise.reject(new Error('no plan reader')),
      maxUploadBytes: 1024 * 1024,
      files: diskFileStore(filesRoot),
      maxAttachmentBytes: 64 * 1024,
    };
    const app = await buildApp(deps, { secureCookies: false });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: c.users.admin.username, password: TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const unit = await app.inject({
        method: 'POST',
        url: '/api/units',
        cookies: { yd_session: login.cookies.find((k) => k.name === 'yd_session')?.value ?? '' },
        headers: { 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
        payload: { name: '新设科室', kind: 'department', aliases: [] },
      });
      expect(unit.statusCode).toBe(201);
    } finally {
      await app.close();
    }
    await db.transaction().execute((trx) => sealAuditChain(trx, c.tenant.id, new Date(), 'sha256'));
    expect((await verifyChain(db, c.tenant.id)).ok).toBe(true);

    // What the issue did as the application's role, now refused.
    const refused = async (statement: ReturnType<typeof sql>): Promise<string> => {
      try {
        await statement.execute(db);
        return 'accepted';
      } catch (error) {
        return (error as { code?: string }).code ?? 'unknown';
      }
    };
    // 42501 insufficient_privilege: not the owner (ALTER) / no privilege (UPDATE, DELETE, TRUNCATE).
    expect({
      disableTrigger: await refused(sql`alter table audit_log disable trigger user`),
      update: await refused(sql`update audit_log set action = 'rewritten' where tenant_id = ${c.tenant.id}`),
      delete: await refused(sql`delete from audit_log where tenant_id = ${c.tenant.id}`),
      truncate: await refused(sql`truncate audit_log`),
      chainUpdate: await refused(sql`update audit_chain set chain_hash = entry_hash`),
      chainDisable: await refused(sql`alter table audit_chain disable trigger user`),
      anchorInsert: await refused(sql`delete from audit_anchors`),
    }).toEqual({
      disableTrigger: '42501',
      update: '42501',
      delete: '42501',
      truncate: '42501',
      chainUpdate: '42501',
      chainDisable: '42501',
      anchorInsert: '42501',
    });
    expect((await verifyChain(db, c.tenant.id)).ok).toBe(true);
  });
});
