import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '@yaodian/server';
import { depsFor } from '../server-context.js';
import { createServerEnv, DB_HOOK_TIMEOUT, type ServerEnv } from '../testing/server-env.js';

let home: ServerEnv;

beforeAll(async () => {
  home = await createServerEnv();
  await home.db(); // opens and migrates the database once, outside the tests' time limit
}, DB_HOOK_TIMEOUT);

afterAll(async () => {
  await home.dispose();
}, DB_HOOK_TIMEOUT);

describe('等保2.0 身份鉴别 · yaodian tenant add (the first admin of a production install)', () => {
  it('creates the commission and an admin who signs in with the password read from standard input', async () => {
    const r = await home.run(
      ['tenant', 'add', '--code', 'baishan', '--name', '白山市卫生健康委员会', '--admin', 'chief'],
      { stdin: 'Baishan#Chief2026\n' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('baishan');
    const db = await home.db();
    const tenant = await db
      .selectFrom('tenants')
      .select(['id', 'demo', 'level'])
      .where('code', '=', 'baishan')
      .executeTakeFirstOrThrow();
    expect(tenant).toMatchObject({ demo: false, level: 'city' });
    const session = await login(
      depsFor(home.config(), db),
      { username: 'chief', password: 'Baishan#Chief2026', tenant: 'baishan' },
      '127.0.0.1',
    );
    expect(session.actor.role).toBe('admin');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('tenant.create');
  });

  it('refuses an empty standard input, a short password and a code in use, creating nothing', async () => {
    const args = ['tenant', 'add', '--code', 'heshan', '--name', '鹤山市卫生健康委员会', '--admin', 'chief'];
    const empty = await home.run(args, { stdin: '' });
    expect([empty.code, empty.stderr]).toEqual([2, expect.stringContaining('标准输入')]);
    const short = await home.run(args, { stdin: 'short\n' });
    expect([short.code, short.stderr]).toEqual([2, expect.stringContaining('密码长度不少于 10 位')]);
    const taken = await home.run(
      ['tenant', 'add', '--code', 'baishan', '--name', '又一个', '--admin', 'other'],
      { stdin: 'Another#Pass2026\n' },
    );
    expect(taken.code).toBe(2);
    const db = await home.db();
    expect(await db.selectFrom('tenants').select('code').where('code', '=', 'heshan').execute()).toEqual([]);
    expect(await db.selectFrom('users').select('id').where('username', '=', 'other').execute()).toEqual([]);
  });
});

describe('the commission tree · yaodian tenant add --parent | list | disable', () => {
  it('builds province → city → county, lists it with parents, refuses a level not below its parent, and a disabled commission cannot sign in', async () => {
    const add = (code: string, level: string, parent: string | null) =>
      home.run(
        [
          'tenant',
          'add',
          '--code',
          code,
          '--name',
          `${code}卫生健康委员会`,
          '--level',
          level,
          '--admin',
          `${code}-admin`,
          ...(parent ? ['--parent', parent] : []),
        ],
        { stdin: 'Tree#Admin2026\n' },
      );
    expect((await add('shanbei', 'province', null)).code).toBe(0);
    expect((await add('yuxi', 'city', 'shanbei')).code).toBe(0);
    expect((await add('yuxi-east', 'county', 'yuxi')).code).toBe(0);
    const upward = await add('yuxi-up', 'province', 'yuxi');
    expect([upward.code, upward.stderr]).toEqual([2, expect.stringContaining('级别')]);
    const orphan = await add('nowhere', 'county', 'no-such-code');
    expect(orphan.code).toBe(2);

    const list = await home.run(['tenant', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('yuxi\tcity\tshanbei\t');
    expect(list.stdout).toContain('yuxi-east\tcounty\tyuxi\t');

    const disabled = await home.run(['tenant', 'disable', 'yuxi-east']);
    expect([disabled.code, disabled.stdout]).toEqual([0, expect.stringContaining('已停用')]);
    const db = await home.db();
    await expect(
      login(
        depsFor(home.config(), db),
        { username: 'yuxi-east-admin', password: 'Tree#Admin2026', tenant: 'yuxi-east' },
        '127.0.0.1',
      ),
    ).rejects.toThrow();
    expect((await home.run(['tenant', 'list'])).stdout).toContain(
      'yuxi-east\tcounty\tyuxi\tyuxi-east卫生健康委员会\t停用',
    );
  });
});

describe('等保2.0 安全审计 · yaodian audit verify', () => {
  it('reports a whole chain with exit code 0 (entries not yet sealed are counted, not failed)', async () => {
    const r = await home.run(['audit', 'verify', '--tenant', 'baishan']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/baishan: 审计链完整/);
  });
});
