import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parsePlan } from '@yaodian/parser';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../config/clock.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.js';
import { buildApp } from '../http/app.js';
import { diskFileStore } from '../repositories/file-store.js';
import { attach } from '../services/attachment-service.js';
import type { Deps } from '../services/deps.js';
import { createReport } from '../services/report-service.js';
import { listTasks } from '../services/task-service.js';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';
import { backupWithReport, createBackup, restoreBackup, type Manifest } from './backup.js';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;
let source: TestDb;
let target: TestDb;
let dirs: string[];
let sourceDeps: Deps;
let targetDeps: Deps;

const depsFor = (db: TestDb, dir: string): Deps => ({
  db: db.db,
  clock: fixedClock(new Date('2026-07-10T02:00:00Z')),
  readPlan: parsePlan,
  maxUploadBytes: 5_000_000,
  files: diskFileStore(dir),
  maxAttachmentBytes: 100_000,
});

beforeAll(async () => {
  dirs = [
    await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-bk-a-')),
    await fs.mkdtemp(path.join(os.tmpdir(), 'yaodian-bk-b-')),
  ];
  source = await openTestDatabase();
  target = await openTestDatabase();
  sourceDeps = depsFor(source, dirs[0] ?? '');
  targetDeps = depsFor(target, dirs[1] ?? '');
  await seedDemo(sourceDeps);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await source.drop();
  await target.drop();
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
}, DB_HOOK_TIMEOUT);

const count = async (
  db: TestDb,
  table:
    | 'progress_reports'
    | 'items'
    | 'audit_log'
    | 'plans'
    | 'attachments'
    | 'cascade_links'
    | 'cascade_target_links'
    | 'county_quotas'
    | 'tenant_weights',
): Promise<number> =>
  (
    await db.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('backup and restore', () => {
  it('restores every row, the source document and the evidence files into an empty database', async () => {
    const user = await source.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'reporter.yizheng')
      .executeTakeFirstOrThrow();
    const unitIds = (
      await source.db.selectFrom('user_units').select('unit_id').where('user_id', '=', user.id).execute()
    ).map((u) => u.unit_id);
    const actor = { tenantId: user.tenant_id, userId: user.id, role: 'reporter' as const, unitIds };
    const task = (await listTasks(sourceDeps, actor, { mine: true })).tasks.find((t) =>
      t.reportingUnits.some((u) => unitIds.includes(u.id)),
    );
    const period = await source.db
      .selectFrom('reporting_periods')
      .select('id')
      .where('label', '=', '2026年12月')
      .executeTakeFirstOrThrow();
    const unitId = task?.reportingUnits.find((u) => unitIds.includes(u.id))?.id ?? '';
    const { report } = await createReport(
      sourceDeps,
      actor,
      { itemId: task?.id ?? '', unitId, periodId: period.id, percent: 10, submit: false },
      null,
    );
    const evidence = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x20)]);
    const attachment = await attach(sourceDeps, actor, report.id, { fileName: '佐证.pdf', bytes: evidence });

    const archive = await createBackup(source.db, sourceDeps.files, new Date());
    const restored = await restoreBackup(target.db, targetDeps.files, archive);

    expect(restored.files).toBe(1);
    expect(restored.missingFiles).toEqual([]);
    for (const table of [
      'plans',
      'items',
      'progress_reports',
      'audit_log',
      'attachments',
      'cascade_links',
      'cascade_target_links',
      'county_quotas',
      'tenant_weights',
    ] as const) {
      expect([table, await count(target, table)]).toEqual([table, await count(source, table)]);
    }
    // The demo's cascade is in the backup: the county links and the city's quotas come back.
    expect(await count(target, 'cascade_links')).toBeGreaterThan(0);
    expect(await count(target, 'county_quotas')).toBeGreaterThan(0);
    // The city's imported plan (the counties' plans the cascade created have no source document).
    const plan = await target.db
      .selectFrom('plans')
      .select(['source_bytes', 'meta'])
      .where('source_bytes', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(plan.source_bytes?.toString('utf8')).toContain('临江市2026年卫生健康重点工作任务及分工方案');
    expect(plan.meta).toMatchObject({ year: 2026 });
    expect(Buffer.compare(await targetDeps.files.get(user.tenant_id, attachment.id), evidence)).toBe(0);

    const app = await buildApp(targetDeps, { secureCookies: false });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planner', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    await app.close();
  });

  it('refuses to restore over a database that already has data', async () => {
    const archive = await createBackup(source.db, sourceDeps.files, new Date());
    await expect(restoreBackup(source.db, sourceDeps.files, archive)).rejects.toThrow(/empty database/);
  });

  it('keeps the data it was asked to replace when the restore fails half-way', async () => {
    const archive = await createBackup(source.db, sourceDeps.files, new Date());
    // The items refer to a plan that the broken archive no longer holds: the foreign key fails mid-restore.
    const entries = unzipSync(archive);
    entries['tables/plans.jsonl'] = strToU8('');
    expect(strFromU8(entries['tables/items.jsonl'] ?? new Uint8Array()).length).toBeGreaterThan(0);
    const broken = zipSync(entries);
    const before = await count(source, 'items');
    let cleared = false;
    await expect(
      restoreBackup(source.db, sourceDeps.files, broken, {
        replace: {
          clearFiles: () => {
            cleared = true;
            return Promise.resolve();
          },
        },
      }),
    ).rejects.toThrow();
    expect(await count(source, 'items')).toBe(before);
    expect(await count(source, 'plans')).toBeGreaterThan(0);
    expect(cleared).toBe(false);
  });

  it('replaces the data of a non-empty database when asked to', async () => {
    const archive = await createBackup(source.db, sourceDeps.files, new Date());
    const plans = await count(source, 'plans');
    await restoreBackup(source.db, sourceDeps.files, archive, {
      replace: { clearFiles: () => Promise.resolve() },
    });
    expect(await count(source, 'plans')).toBe(plans);
  });

  it('never stops a backup for a missing attachment file: listed, skipped, and the restore reports exactly what it wrote', async () => {
    const attachments = await source.db
      .selectFrom('attachments')
      .select(['id', 'tenant_id', 'file_name'])
      .orderBy('id')
      .execute();
    const lost = attachments[0];
    if (!lost) throw new Error('the first test attaches a file; run the whole file');
    const file = path.join(dirs[0] ?? '', lost.tenant_id, lost.id);
    await fs.rename(file, `${file}.away`);
    try {
      const { archive, manifest } = await backupWithReport(source.db, sourceDeps.files, new Date());
      const missing = { tenantId: lost.tenant_id, attachmentId: lost.id, fileName: lost.file_name };
      expect(manifest.missingFiles).toEqual([missing]);
      expect(manifest.files).toBe(attachments.length - 1);
      const entries = unzipSync(archive);
      expect(entries[`files/${lost.tenant_id}/${lost.id}`]).toBeUndefined();
      expect(strFromU8(entries['tables/attachments.jsonl'] ?? new Uint8Array())).toContain(lost.id);

      const clearFiles = () => fs.rm(dirs[1] ?? '', { recursive: true, force: true });
      const report = await restoreBackup(target.db, targetDeps.files, archive, { replace: { clearFiles } });
      expect(report.missingFiles).toEqual([missing]);
      expect(report.files).toBe(attachments.length - 1);
      expect(report.rows.attachments).toBe(attachments.length);
      expect(report.rows.plans).toBe(await count(source, 'plans'));
      expect(report.rows.audit_log).toBe(await count(target, 'audit_log'));
      await expect(targetDeps.files.get(lost.tenant_id, lost.id)).rejects.toThrow(/ENOENT/);

      // An archive from before digests that simply lacks a file: its manifest claims it, the report does not.
      const older = unzipSync(await createBackup(source.db, sourceDeps.files, new Date()));
      const claimed = JSON.parse(strFromU8(older['manifest.json'] ?? new Uint8Array())) as Manifest;
      delete claimed.digests;
      delete claimed.missingFiles;
      claimed.files = attachments.length;
      older['manifest.json'] = strToU8(JSON.stringify(claimed));
      const fromOlder = await restoreBackup(target.db, targetDeps.files, zipSync(older), {
        replace: { clearFiles },
      });
      expect(fromOlder.manifest.files).toBe(attachments.length);
      expect(fromOlder.files).toBe(attachments.length - 1);
      expect(fromOlder.missingFiles).toEqual([missing]);
    } finally {
      await fs.rename(`${file}.away`, file);
    }
  });
});
