import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depsFor } from '../server-context.js';
import { createServerEnv, DB_HOOK_TIMEOUT, type ServerEnv } from '../testing/server-env.js';
import { login } from '@yaodian/server';

const FIXTURE = new URL('../../../parser/fixtures/plans/notice-wrapper-work-points.txt', import.meta.url)
  .pathname;
const PASSWORD = 'Qingshan#2026pw';

let home: ServerEnv;
let tenantId: string;
let adminId: string;
let planId: string;
const unitIds = new Map<string, string>();

/** A commission the fixture's unit names partly match: 医政科/体改科/财务科 by alias, others not at all. */
beforeAll(async () => {
  home = await createServerEnv();
  const db = await home.db();
  tenantId = (
    await db
      .insertInto('tenants')
      .values({ code: 'qingshan', name: '青山市卫生健康委员会', level: 'city', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const [name, alias] of [
    ['医政医管科', '医政科'],
    ['体制改革科', '体改科'],
    ['财务审计科', '财务科'],
    ['规划信息科', '规信科'],
    ['人事科', null],
    ['妇幼健康科', null],
  ] as const) {
    const unit = await db
      .insertInto('org_units')
      .values({ tenant_id: tenantId, name, kind: 'department' })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.set(name, unit.id);
    if (alias)
      await db
        .insertInto('org_unit_aliases')
        .values({ tenant_id: tenantId, alias, unit_id: unit.id })
        .execute();
  }
  adminId = (
    await db
      .insertInto('users')
      .values({
        tenant_id: tenantId,
        username: 'root',
        display_name: '管理员',
        password_hash: 'not-a-hash-nobody-signs-in-as-root',
        role: 'admin',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}, DB_HOOK_TIMEOUT);

afterAll(async () => {
  await home.dispose();
}, DB_HOOK_TIMEOUT);

const oneLine = (stderr: string): void => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
};

describe('yaodian import', () => {
  it('creates a draft plan with the fixture items and prints counts that match the database', async () => {
    const r = await home.run(['import', FIXTURE, '--tenant', 'qingshan']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    planId = /草稿计划 ([0-9a-f-]{36})/.exec(r.stdout)?.[1] ?? '';
    const db = await home.db();
    const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ tenant_id: tenantId, status: 'draft', year: 2026, created_by: adminId });
    const items = await db
      .selectFrom('items')
      .select(['id', 'title', 'parent_id'])
      .where('plan_id', '=', planId)
      .execute();
    const targets = await db
      .selectFrom('targets')
      .innerJoin('items', 'items.id', 'targets.item_id')
      .select('targets.id')
      .where('items.plan_id', '=', planId)
      .execute();
    const leaves = items.filter((i) => !items.some((c) => c.parent_id === i.id));
    expect(items.map((i) => i.title)).toContain('持续深化医药卫生体制改革');
    expect(r.stdout).toContain(
      `条目 ${String(items.length)} 个，任务 ${String(leaves.length)} 项，量化目标 ${String(targets.length)} 个`,
    );
    expect(targets.length).toBeGreaterThan(0);
  });

  it('lists the unit names no org unit or alias matched, and matches the aliased ones', async () => {
    const db = await home.db();
    const unmatched = await db
      .selectFrom('unmatched_units')
      .innerJoin('items', 'items.id', 'unmatched_units.item_id')
      .select('unmatched_units.name')
      .where('items.plan_id', '=', planId)
      .execute();
    const line = (await home.run(['import', FIXTURE, '--tenant', 'qingshan'])).stdout
      .split('\n')
      .find((l) => l.startsWith('未匹配的单位名称'));
    expect(line).toContain('药政科');
    expect(line).not.toContain('医政医管科');
    expect(unmatched.map((u) => u.name)).toContain('药政科');
    const assigned = await db
      .selectFrom('assignments')
      .innerJoin('items', 'items.id', 'assignments.item_id')
      .select('assignments.unit_id')
      .where('items.plan_id', '=', planId)
      .where('assignments.unit_id', '=', unitIds.get('体制改革科') ?? '')
      .execute();
    expect(assigned.length).toBeGreaterThan(0);
  });

  it('takes the year from --year and acts as the user named by --user', async () => {
    const db = await home.db();
    const planner = await db
      .insertInto('users')
      .values({
        tenant_id: tenantId,
        username: 'plan.a',
        display_name: '规划',
        password_hash: 'x',
        role: 'planner',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await home.run([
      'import',
      FIXTURE,
      '--tenant',
      'qingshan',
      '--year',
      '2027',
      '--user',
      'plan.a',
    ]);
    expect(r.code).toBe(0);
    const id = /草稿计划 ([0-9a-f-]{36})/.exec(r.stdout)?.[1] ?? '';
    const plan = await db
      .selectFrom('plans')
      .select(['year', 'created_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(plan).toEqual({ year: 2027, created_by: planner.id });
  });

  it('exits 2 naming the tenant code when no commission has it', async () => {
    const r = await home.run(['import', FIXTURE, '--tenant', 'nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"nowhere"');
    oneLine(r.stderr);
  });

  it('exits 2 for a missing --tenant, a bad --year, a missing file and a user who may not import', async () => {
    const cases: [string[], string][] = [
      [['import', FIXTURE], '--tenant'],
      [['import', FIXTURE, '--tenant', 'qingshan', '--year', 'next'], '--year'],
      [['import', join(home.dataDir, 'nope.docx'), '--tenant', 'qingshan'], 'ENOENT'],
      [['import', '--tenant', 'qingshan'], '文件'],
      [['import', FIXTURE, '--tenant', 'qingshan', '--user', 'ghost'], '"ghost"'],
      [['import', FIXTURE, '--tenant', 'qingshan', '--bogus'], '--bogus'],
    ];
    for (const [argv, named] of cases) {
      const r = await home.run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(named);
      oneLine(r.stderr);
    }
  });
});

describe('yaodian user add', () => {
  const signIn = async (username: string, password: string) =>
    login(depsFor(home.config(), await home.db()), { tenant: 'qingshan', username, password }, '127.0.0.1');

  it('creates a reporter for units named by name or alias who can then sign in', async () => {
    const r = await home.run(
      [
        'user',
        'add',
        '--tenant',
        'qingshan',
        '--username',
        'rep.yz',
        '--role',
        'reporter',
        '--unit',
        '医政科',
        '--unit',
        '人事科',
        '--display-name',
        '陈医政',
      ],
      { env: { YAODIAN_PASSWORD: PASSWORD } },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const session = await signIn('rep.yz', PASSWORD);
    expect(session.actor.role).toBe('reporter');
    expect([...session.actor.unitIds].sort()).toEqual(
      [unitIds.get('医政医管科'), unitIds.get('人事科')].sort(),
    );
    await expect(signIn('rep.yz', 'wrong-password-123')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('reads the password from standard input when YAODIAN_PASSWORD is unset', async () => {
    const r = await home.run(
      ['user', 'add', '--tenant', 'qingshan', '--username', 'viewer.1', '--role', 'viewer'],
      {
        stdin: `${PASSWORD}\n`,
      },
    );
    expect(r.code).toBe(0);
    expect((await signIn('viewer.1', PASSWORD)).actor.role).toBe('viewer');
  });

  it('exits 2 with one line for a bad role, an unknown unit, a short password, a taken name or a password argument', async () => {
    const base = ['user', 'add', '--tenant', 'qingshan'];
    const cases: [string[], string, string][] = [
      [[...base, '--username', 'u.a', '--role', 'boss'], PASSWORD, '--role'],
      [[...base, '--username', 'u.b', '--role', 'reporter', '--unit', '不存在科'], PASSWORD, '不存在科'],
      [[...base, '--username', 'u.c', '--role', 'reporter'], PASSWORD, '--unit'],
      [[...base, '--username', 'u.d', '--role', 'viewer'], 'short', '密码'],
      [[...base, '--username', 'Bad Name', '--role', 'viewer'], PASSWORD, '--username'],
      [[...base, '--username', 'rep.yz', '--role', 'viewer'], PASSWORD, 'duplicate'],
      [[...base, '--username', 'u.e', '--role', 'viewer', PASSWORD], PASSWORD, 'YAODIAN_PASSWORD'],
      [
        ['user', 'add', '--tenant', 'nowhere', '--username', 'u.f', '--role', 'viewer'],
        PASSWORD,
        '"nowhere"',
      ],
      [['user', 'remove'], PASSWORD, 'remove'],
    ];
    for (const [argv, password, named] of cases) {
      const r = await home.run(argv, { env: { YAODIAN_PASSWORD: password } });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(named);
      oneLine(r.stderr);
    }
    const db = await home.db();
    const names = (
      await db.selectFrom('users').select('username').where('tenant_id', '=', tenantId).execute()
    ).map((u) => u.username);
    expect(names.filter((n) => n.startsWith('u.'))).toEqual([]);
  });
});

describe('yaodian export', () => {
  it('writes the 推进表 workbook with its Chinese header row', async () => {
    const out = join(home.dataDir, 'out.xlsx');
    const r = await home.run(['export', planId, '--xlsx', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('推进表');
    expect(sheet?.getCell('A2').value).toMatch(/^截至\d{4}年\d{1,2}月\d{1,2}日$/);
    const header = (sheet?.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '重点工作',
      '具体内容',
      '牵头单位',
      '配合单位',
      '分管委领导',
      '完成时限',
      '指标目标/实际值',
      '完成进度(%)',
      '进展情况',
      '存在问题',
      '下步打算',
      '状态',
    ]);
    expect(sheet?.rowCount).toBeGreaterThan(5);
  });

  it('names the file 推进表-<plan title>.xlsx by default', async () => {
    const cwd = process.cwd();
    process.chdir(home.dataDir);
    try {
      const r = await home.run(['export', planId, '--xlsx']);
      expect(r.code).toBe(0);
      expect(existsSync(join(home.dataDir, '推进表-2026年全市卫生健康工作要点.xlsx'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('exits 2 without --xlsx, for an id that is not a UUID and for an unknown plan', async () => {
    const cases: [string[], string][] = [
      [['export', planId], '--xlsx'],
      [['export', 'plan-1', '--xlsx'], 'plan-1'],
      [['export', '00000000-0000-4000-8000-000000000000', '--xlsx'], '00000000-0000-4000-8000-000000000000'],
    ];
    for (const [argv, named] of cases) {
      const r = await home.run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(named);
      oneLine(r.stderr);
    }
  });
});

describe('yaodian backup and restore', () => {
  let fresh: ServerEnv | undefined;
  afterAll(async () => {
    await fresh?.dispose();
  }, DB_HOOK_TIMEOUT);

  it('round-trips the plans and an attachment into a fresh data directory, and refuses to restore over data without --force', async () => {
    const db = await home.db();
    const item = await db
      .selectFrom('items')
      .select('id')
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    const period = await db
      .insertInto('reporting_periods')
      .values({
        tenant_id: tenantId,
        plan_id: planId,
        kind: 'monthly',
        label: '2026年4月',
        starts_on: '2026-04-01',
        ends_on: '2026-04-30',
        due_on: '2026-04-25',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const now = new Date('2026-04-20T02:00:00Z');
    const report = await db
      .insertInto('progress_reports')
      .values({
        tenant_id: tenantId,
        item_id: item.id,
        unit_id: unitIds.get('医政医管科') ?? '',
        period_id: period.id,
        percent: 40,
        narrative: '已召开推进会。',
        problems: '',
        next_steps: '',
        state: 'draft',
        return_reason: null,
        idempotency_key: null,
        created_by: adminId,
        created_at: now,
        updated_at: now,
        submitted_at: null,
        reviewed_by: null,
        reviewed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evidence = Buffer.from('%PDF-1.4\n% evidence of a meeting held\n%%EOF\n');
    const attachment = await db
      .insertInto('attachments')
      .values({
        tenant_id: tenantId,
        report_id: report.id,
        file_name: '会议纪要.pdf',
        media_type: 'application/pdf',
        size_bytes: evidence.length,
        sha256: 'a'.repeat(64),
        uploaded_by: adminId,
        uploaded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await depsFor(home.config(), db).files.put(tenantId, attachment.id, evidence);

    const archive = join(home.dataDir, 'backup.zip');
    const backup = await home.run(['backup', '--out', archive]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect((await home.run(['backup', '--out', archive])).code).toBe(2);

    const target = await createServerEnv();
    fresh = target;
    const restored = await target.run(['restore', archive]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const plansIn = async (env: ServerEnv) =>
      (await (await env.db()).selectFrom('plans').select('id').execute()).map((p) => p.id).sort();
    expect(await plansIn(target)).toEqual(await plansIn(home));
    const attachmentFile = join(target.dataDir, 'attachments', tenantId, attachment.id);
    expect(readFileSync(attachmentFile)).toEqual(evidence);

    const refused = await target.run(['restore', archive]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    oneLine(refused.stderr);

    const forced = await target.run(['restore', archive, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(await plansIn(target)).toEqual(await plansIn(home));
    expect(readFileSync(attachmentFile)).toEqual(evidence);
    // Emptying the database for --force must leave the audit log append-only afterwards.
    await expect((await target.db()).deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('backs up past a missing attachment file, listing it and exiting 3; restore says what it wrote and exits 3', async () => {
    const attachment = await (
      await home.db()
    )
      .selectFrom('attachments')
      .select(['id', 'file_name'])
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    const file = join(home.dataDir, 'attachments', tenantId, attachment.id);
    rmSync(file);
    const archive = join(home.dataDir, 'backup-missing.zip');
    const backup = await home.run(['backup', '--out', archive]);
    expect(backup.code).toBe(3);
    expect(backup.stderr).toContain(`缺少附件文件：${attachment.file_name}（附件 ${attachment.id}`);
    expect(backup.stdout).toContain('缺少 1 个');
    expect(existsSync(archive)).toBe(true);

    const target = fresh ?? (await createServerEnv());
    fresh = target;
    const restored = await target.run(['restore', archive, '--force']);
    expect(restored.code).toBe(3);
    expect(restored.stdout).toMatch(/恢复 \d+ 行、0 个附件文件（1 个附件没有文件）/);
    expect(restored.stderr).toContain(attachment.id);
    expect(existsSync(join(target.dataDir, 'attachments', tenantId, attachment.id))).toBe(false);
  });

  it('exits 2 for a file that is not a backup and leaves the database alone, even with --force', async () => {
    const junk = join(home.dataDir, 'junk.zip');
    writeFileSync(junk, 'PK not really a zip');
    const r = await home.run(['restore', junk, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('junk.zip');
    oneLine(r.stderr);
    expect((await (await home.db()).selectFrom('plans').select('id').execute()).length).toBeGreaterThan(0);
  });

  it('exits 2 for restore without a file and backup with a stray argument', async () => {
    expect((await home.run(['restore'])).code).toBe(2);
    expect((await home.run(['backup', 'here.zip'])).stderr).toContain('--out');
  });
});

describe('server command configuration', () => {
  it("exits 2 with the server config loader's complaint on one line", async () => {
    const r = await home.run(['backup'], { env: { DATABASE_URL: 'mysql://db/yaodian' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL');
    oneLine(r.stderr);
  });
});
