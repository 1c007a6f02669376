import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../ops/backup.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { sealAuditChain, verifyChain } from '../services/audit-chain-service.js';
import { createTenant, createUser } from '../testing/factories.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 数据完整性 (8.1.4.7: 采用校验技术保证重要数据在传输和存储过程中的完整性) and
 * 数据备份恢复 (8.1.4.8). A backup carries a SHA-256 per entry; a restore checks them and the audit chain.
 */
let t: TestApp;
let target: Awaited<ReturnType<typeof openTestDatabase>>;
let tenantId: string;
let archive: Uint8Array;

beforeAll(async () => {
  t = await createTestApp();
  target = await openTestDatabase();
  tenantId = (await createTenant(t.db)).id;
  await createUser(t.db, tenantId, { role: 'admin' });
  await appendAudit(
    t.db,
    ['one', 'two', 'three'].map((n) => ({
      tenantId,
      actorId: null,
      action: `report.${n}`,
      entity: 'report',
      entityId: n,
      after: { percent: 40, narrative: `第${n}次` },
      at: t.clock.now(),
    })),
  );
  await t.db.transaction().execute((trx) => sealAuditChain(trx, tenantId, t.clock.now(), 'sha256'));
  archive = await createBackup(t.db, t.deps.files, t.clock.now());
}, 2 * DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
  await target.drop();
}, 2 * DB_HOOK_TIMEOUT);

/** Edits the second audit row of the archive; with `resign`, recomputes the manifest's digests as a forger would. */
function editedArchive(resign: boolean): Uint8Array {
  const entries = unzipSync(archive);
  const lines = strFromU8(entries['tables/audit_log.jsonl'] ?? new Uint8Array()).split('\n');
  lines[1] = lines[1]?.replace('"percent":40', '"percent":100') ?? '';
  entries['tables/audit_log.jsonl'] = strToU8(lines.join('\n'));
  if (resign) {
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())) as {
      digests: Record<string, string>;
    };
    for (const [name, bytes] of Object.entries(entries))
      if (name !== 'manifest.json') manifest.digests[name] = createHash('sha256').update(bytes).digest('hex');
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  }
  return zipSync(entries);
}

describe('等保2.0 三级 · 数据完整性与备份恢复 (data integrity, backup and restore)', () => {
  it('refuses an archive whose audit row was edited: the digest no longer matches', async () => {
    await expect(restoreBackup(target.db, t.deps.files, editedArchive(false))).rejects.toThrow(
      /audit_log\.jsonl does not match its digest/,
    );
    expect(await target.db.selectFrom('tenants').select('id').execute()).toEqual([]);
  });

  it('refuses an edited archive even with recomputed digests: the audit chain names the broken link', async () => {
    await expect(restoreBackup(target.db, t.deps.files, editedArchive(true))).rejects.toThrow(
      /audit chain is broken .* at link \d+ \(entry_changed\)/,
    );
    expect(await target.db.selectFrom('tenants').select('id').execute()).toEqual([]);
  });

  it('restores an untouched archive with its chain whole (entry ids renumbered, links following them)', async () => {
    await restoreBackup(target.db, t.deps.files, archive);
    const check = await verifyChain(target.db, tenantId);
    expect(check).toMatchObject({ ok: true, firstBroken: null });
    expect(check.checked).toBeGreaterThanOrEqual(3);
  });
});
