import { parseArgs } from 'node:util';
import { CreateTenantRequest, CreateUserRequest, TENANT_LEVELS } from '@yaodian/core';
import { createCommission, listCommissions, setCommissionActive } from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

const FIELD_NAMES: Record<string, string> = {
  code: '--code（2–64 位小写字母、数字或连字符）',
  name: '--name（1–100 个字符）',
  username: '--admin（2–64 位小写字母、数字、点、下划线或连字符）',
  displayName: '--admin-name（1–100 个字符）',
  password: '密码（1–256 个字符；长度与复杂度按安全策略检查）',
};

/** `yaodian tenant add|list|disable|enable …`: the commission tree. */
export async function runTenant(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return runTenantAdd(rest, io);
  if (sub === 'list') return runTenantList(rest, io);
  if (sub === 'disable' || sub === 'enable') return runTenantActive(rest, io, sub === 'enable');
  throw new UsageError(`未知的 tenant 子命令 "${sub ?? ''}"，可用: tenant add | list | disable | enable`);
}

/** `yaodian tenant list`: every commission, one a line (code, level, parent, name, state). */
async function runTenantList(args: readonly string[], io: CommandIo): Promise<number> {
  if (args.length > 0) throw new UsageError(`tenant list 不接受参数 "${args[0] ?? ''}"`);
  const tenants = await withServer(io, loadCliConfig(io), (deps) => listCommissions(deps));
  const codeOf = new Map(tenants.map((t) => [t.id, t.code]));
  for (const t of tenants)
    io.stdout(
      `${t.code}\t${t.level}\t${t.parentId ? (codeOf.get(t.parentId) ?? '') : '-'}\t${t.name}\t${t.active ? '启用' : '停用'}\n`,
    );
  return 0;
}

/** `yaodian tenant disable CODE` / `enable CODE`: a disabled commission's users cannot sign in. */
async function runTenantActive(args: readonly string[], io: CommandIo, active: boolean): Promise<number> {
  const [code, ...extra] = args;
  if (!code || extra.length > 0)
    throw new UsageError(`tenant ${active ? 'enable' : 'disable'} 需要且只需要一个机构代码`);
  const tenant = await withServer(io, loadCliConfig(io), (deps) => setCommissionActive(deps, code, active));
  io.stdout(`已${active ? '启用' : '停用'}机构 ${tenant.name}（${tenant.code}）\n`);
  return 0;
}

/**
 * `yaodian tenant add --code CODE --name NAME --admin USER [--admin-name NAME] [--level city] [--parent CODE]`.
 * The first admin's password is read from standard input only (never argv or the environment), so a
 * production install starts with an account nobody else knows the password of.
 */
async function runTenantAdd(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        level: { type: 'string' },
        parent: { type: 'string' },
        admin: { type: 'string' },
        'admin-name': { type: 'string' },
      },
    }),
  );
  if (positionals.length > 0)
    throw new UsageError(`tenant add 不接受位置参数 "${positionals[0] ?? ''}"（密码请从标准输入提供）`);
  if (!values.code) throw new UsageError('tenant add 需要 --code（单位代码，如 linjiang）');
  if (!values.name) throw new UsageError('tenant add 需要 --name（单位名称）');
  if (!values.admin) throw new UsageError('tenant add 需要 --admin（第一个管理员的用户名）');
  const level = TENANT_LEVELS.find((l) => l === (values.level ?? 'city'));
  if (!level)
    throw new UsageError(`--level 必须是 ${TENANT_LEVELS.join('/')} 之一，收到 "${values.level ?? ''}"`);
  const password = new TextDecoder().decode(await io.readStdin()).replace(/\r?\n$/, '');
  if (password === '')
    throw new UsageError('请从标准输入提供管理员密码（如 `yaodian tenant add … < 密码文件`）');
  const tenant = CreateTenantRequest.safeParse({ code: values.code, name: values.name, level });
  const admin = CreateUserRequest.safeParse({
    username: values.admin,
    displayName: values['admin-name'] ?? values.admin,
    role: 'admin',
    password,
  });
  const issue = tenant.error?.issues[0] ?? admin.error?.issues[0];
  if (issue || !tenant.success || !admin.success) {
    const field = String(issue?.path[0] ?? '');
    throw new UsageError(`${FIELD_NAMES[field] ?? field}不符合要求`);
  }
  const config = loadCliConfig(io);
  await withServer(io, config, (deps) =>
    createCommission(deps, {
      code: tenant.data.code,
      name: tenant.data.name,
      level: tenant.data.level,
      parentCode: values.parent,
      admin: { username: admin.data.username, displayName: admin.data.displayName, password },
    }),
  );
  io.stdout(`已创建单位 ${tenant.data.name}（${tenant.data.code}）及管理员 ${admin.data.username}\n`);
  return 0;
}
