import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SM3_AVAILABLE } from '../domain/audit-hash.js';
import { auditSealHandlers, ensureAuditSealJobs } from '../jobs/audit-seal-jobs.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { sealAuditChain, verifyChain } from '../services/audit-chain-service.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { createTenant, createUser } from '../testing/factories.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 安全审计 (8.1.4.3 c: 对审计记录进行保护，定期备份，避免受到未预期的删除、
 * 修改或覆盖). Entries are sealed into a hash chain per commission by a job; verification names the first
 * broken link.
 */
let t: TestApp;
let tenantId: string;
let auditor: Session;

const entry = (action: string, after: unknown = { n: 1 }) => ({
  tenantId,
  actorId: null,
  action,
  entity: 'test',
  entityId: action,
  after,
  at: t.clock.now(),
});

/** Rewrites history the way the issue did: the application's own role switches the trigger off. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger user`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger user`.execute(trx);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTenant(t.db)).id;
  auditor = await t.login(await createUser(t.db, tenantId, { role: 'auditor' }));
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('等保2.0 三级 · 安全审计 (security audit): a tamper-evident log', () => {
  it('seals new entries by the job on the job runner, and the verification API finds the chain whole', async () => {
    await appendAudit(t.db, [entry('a.one'), entry('a.two', { nested: { z: 1, a: [1, '二'] } })]);
    const runner = createJobRunner({
      db: t.db,
      clock: t.clock,
      handlers: auditSealHandlers({ algorithm: 'sha256', intervalMs: 60_000 }),
    });
    expect(await ensureAuditSealJobs(t.db, t.clock.now(), 60_000)).toBeGreaterThanOrEqual(1);
    expect(await runner.runDue()).toBeGreaterThanOrEqual(1);
    const links = await t.db
      .selectFrom('audit_chain')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(links.length).toBeGreaterThanOrEqual(3); // the login and the two entries
    // The next run is scheduled an interval later, once.
    const next = await t.db
      .selectFrom('jobs')
      .select('run_at')
      .where('tenant_id', '=', tenantId)
      .where('name', '=', 'audit.seal')
      .where('state', '=', 'pending')
      .execute();
    expect(next).toHaveLength(1);

    const r = await t.as(auditor, { method: 'GET', url: '/api/audit/verify' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, firstBroken: null, algorithms: ['sha256'] });
    expect(r.json<{ checked: number }>().checked).toBe(links.length);
  });

  it('names the first broken link when a sealed row is edited behind the trigger, and when one is deleted', async () => {
    await appendAudit(t.db, [entry('b.one'), entry('b.two'), entry('b.three')]);
    await t.db.transaction().execute((trx) => sealAuditChain(trx, tenantId, t.clock.now(), 'sha256'));
    expect((await verifyChain(t.db, tenantId)).ok).toBe(true);
    const target = await t.db
      .selectFrom('audit_chain as c')
      .innerJoin('audit_log as a', (j) =>
        j.onRef('a.tenant_id', '=', 'c.tenant_id').onRef('a.id', '=', 'c.entry_id'),
      )
      .select(['c.seq', 'a.id'])
      .where('a.action', '=', 'b.two')
      .executeTakeFirstOrThrow();
    await tamper(sql`update audit_log set after = '{"n": 2}'::jsonb where id = ${target.id}`);
    const edited = await verifyChain(t.db, tenantId);
    expect(edited.ok).toBe(false);
    expect(edited.firstBroken).toEqual({
      seq: target.seq,
      entryId: target.id,
      reason: 'entry_changed',
    });

    await tamper(sql`update audit_log set after = '{"n": 1}'::jsonb where id = ${target.id}`);
    expect((await verifyChain(t.db, tenantId)).ok).toBe(true);
    await tamper(sql`delete from audit_log where id = ${target.id}`);
    expect((await verifyChain(t.db, tenantId)).firstBroken).toMatchObject({ reason: 'entry_missing' });
  });

  it.runIf(SM3_AVAILABLE)('seals with SM3 (商用密码) when configured, and verifies it', async () => {
    const other = (await createTenant(t.db)).id;
    await appendAudit(t.db, { ...entry('c.one'), tenantId: other });
    await t.db.transaction().execute((trx) => sealAuditChain(trx, other, t.clock.now(), 'sm3'));
    const check = await verifyChain(t.db, other);
    expect(check).toMatchObject({ ok: true, checked: 1, algorithms: ['sm3'] });
  });

  it('pages through the whole log with a cursor and filters, and audits each read of the log', async () => {
    const other = (await createTenant(t.db)).id;
    const reader = await t.login(await createUser(t.db, other, { role: 'auditor' }));
    await appendAudit(
      t.db,
      Array.from({ length: 7 }, (_, i) => ({ ...entry(i % 2 ? 'p.odd' : 'p.even'), tenantId: other })),
    );
    const seen: number[] = [];
    let before: number | null = null;
    for (let page = 0; page < 10; page++) {
      const r = await t.as(reader, {
        method: 'GET',
        url: `/api/audit?entity=test&limit=3${before ? `&before=${String(before)}` : ''}`,
      });
      const json = r.json<{ entries: { id: number }[]; nextBefore: number | null }>();
      seen.push(...json.entries.map((e) => e.id));
      before = json.nextBefore;
      if (before === null) break;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const odd = await t.as(reader, { method: 'GET', url: '/api/audit?action=p.odd' });
    expect(odd.json<{ entries: unknown[] }>().entries).toHaveLength(3);
    const reads = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('tenant_id', '=', other)
      .where('action', '=', 'audit.read')
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(4);
  });

  it("filters by the actor's user name and names each entry's actor (none for the system)", async () => {
    const other = (await createTenant(t.db)).id;
    const admin = await createUser(t.db, other, { role: 'auditor', displayName: '审计读者' });
    const reader = await t.login(admin);
    const colleague = await createUser(t.db, other, { role: 'viewer' });
    await appendAudit(t.db, [
      { ...entry('f.mine'), tenantId: other, actorId: admin.id },
      { ...entry('f.system'), tenantId: other },
      { ...entry('f.colleague'), tenantId: other, actorId: colleague.id },
    ]);
    const r = await t.as(reader, { method: 'GET', url: `/api/audit?actor=${admin.username}&entity=test` });
    const json = r.json<{ entries: { action: string; actorName: string; actorUsername: string }[] }>();
    expect(json.entries.map((e) => e.action)).toEqual(['f.mine']);
    expect(json.entries[0]).toMatchObject({ actorName: '审计读者', actorUsername: admin.username });
    const system = await t.as(reader, { method: 'GET', url: '/api/audit?action=f.system' });
    expect(system.json<{ entries: { actorName: string | null }[] }>().entries[0]?.actorName).toBeNull();
  });
});

describe('等保2.0 三级 · 安全审计 (security audit): coverage of security events', () => {
  it('audits a permission denial and a CSRF failure of a signed-in user', async () => {
    const viewer = await createUser(t.db, tenantId, { role: 'viewer' });
    const session = await t.login(viewer);
    const denied = await t.as(session, { method: 'GET', url: '/api/audit' });
    expect(denied.statusCode).toBe(403);
    const csrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { yd_session: session.cookie },
    });
    expect(csrf.statusCode).toBe(403);
    const events = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('actor_id', '=', viewer.id)
      .where('action', 'in', ['access.denied', 'csrf.failure'])
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'access.denied', entity_id: 'GET /api/audit' },
      { action: 'csrf.failure', entity_id: 'POST /api/auth/logout' },
    ]);
  });
});
