import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { applyPurge, preparePurge, verifyAuditExport, type AuditExport } from '../ops/audit-purge.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { sealAuditChain, verifyChain } from '../services/audit-chain-service.js';
import { createTenant } from '../testing/factories.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全审计 (8.1.4.3 c: 对审计记录进行保护，定期备份，避免受到未预期的删除、修改或覆盖; 网络安全法:
 * 留存网络日志不少于六个月) — retention of at least 180 days; a purge exports first, keeps an anchor, and
 * the chain is still verified from it.
 */
let t: TestApp;
let tenantId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-05T02:00:00Z' });
  tenantId = (await createTenant(t.db)).id;
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function write(count: number, label: string): Promise<void> {
  for (let i = 0; i < count; i++)
    await appendAudit(t.db, {
      tenantId,
      actorId: null,
      action: `test.${label}`,
      entity: 'test',
      entityId: `${label}-${String(i)}`,
      after: { i, label },
      at: t.clock.now(),
    });
}
const seal = () =>
  t.db.transaction().execute((trx) => sealAuditChain(trx, tenantId, t.clock.now(), 'sha256'));

describe('等保2.0 三级 · 安全审计 (security audit): retention and purge', () => {
  it('keeps audit entries 180 days at least: YAODIAN_AUDIT_RETENTION_DAYS below 180 stops the start', () => {
    expect(loadConfig({}).auditRetentionDays).toBe(180);
    expect(loadConfig({ YAODIAN_AUDIT_RETENTION_DAYS: '365' }).auditRetentionDays).toBe(365);
    expect(() => loadConfig({ YAODIAN_AUDIT_RETENTION_DAYS: '179' })).toThrow(ConfigError);
    expect(() => loadConfig({ YAODIAN_AUDIT_RETENTION_DAYS: '179' })).toThrow(/YAODIAN_AUDIT_RETENTION_DAYS/);
  });

  it('exports, then purges old entries keeping an anchor; the rest verifies from it, and an edit is named', async () => {
    await write(6, 'old');
    await seal();
    t.clock.advance(200 * DAY);
    await write(4, 'recent');
    await seal();
    const now = t.clock.now();
    // Inside the retention period: refused, nothing exported.
    await expect(
      preparePurge(t.db, { before: new Date(now.getTime() - 100 * DAY), now, retentionDays: 180, tenantId }),
    ).rejects.toThrow(/至少保留 180 天/);

    const prepared = await preparePurge(t.db, {
      before: new Date(now.getTime() - 190 * DAY),
      now,
      retentionDays: 180,
      tenantId,
    });
    // The export checks on its own (from the genesis to the anchor it ends at) and catches an edit in it.
    const file = JSON.parse(prepared.text) as AuditExport;
    expect(file.commissions.map((c) => [c.from.seq, c.to.seq, c.links.length])).toEqual([[0, 6, 6]]);
    expect(verifyAuditExport(file)).toEqual([]);
    const forged = JSON.parse(prepared.text) as AuditExport;
    const link = forged.commissions[0]?.links[2];
    if (link) link.entry.after = { i: 99, label: 'old' };
    expect(verifyAuditExport(forged)).toEqual([expect.stringContaining('link 3')]);

    expect(await applyPurge(t.db, prepared, now)).toEqual([
      { code: expect.any(String) as string, entries: 6 },
    ]);
    const left = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .execute();
    expect(left.map((r) => r.action)).toEqual([...Array<string>(4).fill('test.recent'), 'audit.purge']);
    const anchor = await t.db
      .selectFrom('audit_anchors')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(anchor.map((a) => [a.seq, a.entries, a.export_digest])).toEqual([[6, 6, prepared.digest]]);

    await seal(); // the purge's own entry
    const after = await verifyChain(t.db, tenantId);
    expect(after).toMatchObject({ ok: true, anchorSeq: 6, checked: 5, lastSealedSeq: 11, firstBroken: null });

    // Edit a remaining row behind the trigger: the check names the link (seq 8: the second entry left).
    await t.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger user`.execute(trx);
      await sql`update audit_log set after = '{"i": 1, "label": "rewritten"}'::jsonb
        where tenant_id = ${tenantId} and entity_id = 'recent-1'`.execute(trx);
      await sql`alter table audit_log enable trigger user`.execute(trx);
    });
    const edited = await verifyChain(t.db, tenantId);
    expect([edited.ok, edited.checked, edited.firstBroken]).toEqual([
      false,
      1,
      { seq: 8, entryId: expect.any(Number) as number, reason: 'entry_changed' },
    ]);
  });

  it('goes on sealing from the anchor when a purge removed every link', async () => {
    const other = (await createTenant(t.db)).id;
    const start = t.clock.now();
    await appendAudit(t.db, {
      tenantId: other,
      actorId: null,
      action: 'a',
      entity: 'e',
      entityId: '1',
      at: start,
    });
    await t.db.transaction().execute((trx) => sealAuditChain(trx, other, start, 'sha256'));
    t.clock.advance(181 * DAY);
    const now = t.clock.now();
    const prepared = await preparePurge(t.db, {
      before: now,
      now: new Date(now.getTime() + 181 * DAY),
      retentionDays: 180,
      tenantId: other,
    });
    await applyPurge(t.db, prepared, now);
    // Only the purge's own entry is left, unsealed; sealing gives it position 2, hung off the anchor.
    await t.db.transaction().execute((trx) => sealAuditChain(trx, other, now, 'sha256'));
    expect(await verifyChain(t.db, other)).toMatchObject({
      ok: true,
      anchorSeq: 1,
      checked: 1,
      lastSealedSeq: 2,
    });
  });
});
