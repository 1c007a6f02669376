import { parseArgs } from 'node:util';
import { CreateUserRequest, ROLES, type Role } from '@yaodian/core';
import { commissionByCode, createUser, operatorActor, unitIdsByName } from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { environment } from '../config.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

const FIELD_NAMES: Record<string, string> = {
  username: '--username（2–64 位小写字母、数字、点、下划线或连字符）',
  displayName: '--display-name（1–100 个字符）',
  password: '密码（1–256 个字符；长度与复杂度按安全策略检查）',
};

/** `yaodian user add …`; the only subcommand so far. */
export async function runUser(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError(`未知的 user 子命令 "${sub ?? ''}"，可用: user add`);
  return runUserAdd(rest, io);
}

/**
 * `yaodian user add --tenant CODE --username U --role ROLE [--unit NAME …] [--display-name NAME]`.
 * The password comes from YAODIAN_PASSWORD or standard input, never the command line (shell history, ps).
 */
async function runUserAdd(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        tenant: { type: 'string' },
        username: { type: 'string' },
        role: { type: 'string' },
        unit: { type: 'string', multiple: true },
        'display-name': { type: 'string' },
      },
    }),
  );
  if (positionals.length > 0)
    throw new UsageError(
      `user add 不接受位置参数 "${positionals[0] ?? ''}"（密码请用 YAODIAN_PASSWORD 或标准输入）`,
    );
  if (!values.tenant) throw new UsageError('user add 需要 --tenant CODE（单位代码）');
  if (!values.username) throw new UsageError('user add 需要 --username');
  if (!values.role) throw new UsageError(`user add 需要 --role（${ROLES.join('/')}）`);
  const role = ROLES.find((r) => r === values.role);
  if (!role) throw new UsageError(`--role 必须是 ${ROLES.join('/')} 之一，收到 "${values.role}"`);
  const unitNames = values.unit ?? [];
  if (role === 'reporter' && unitNames.length === 0) throw new UsageError('reporter 角色至少需要一个 --unit');

  const env = environment(io);
  const password = env.YAODIAN_PASSWORD ?? stripNewline(new TextDecoder().decode(await io.readStdin()));
  const request = CreateUserRequest.safeParse({
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    role,
    password,
  });
  if (!request.success) {
    const field = String(request.error.issues[0]?.path[0] ?? '');
    throw new UsageError(`${FIELD_NAMES[field] ?? field}不符合要求`);
  }
  const config = loadCliConfig(io);
  const tenantCode = values.tenant;
  const user = await withServer(io, config, async (deps) => {
    const tenant = await commissionByCode(deps, tenantCode);
    const unitIds = await unitIdsByName(deps, tenant.id, unitNames);
    const actor = await operatorActor(deps, tenant.id, undefined);
    return createUser(deps, actor, { ...request.data, role: role satisfies Role, unitIds }, 'cli');
  });
  io.stdout(
    `已创建用户 ${user.username}（${user.role}${unitNames.length > 0 ? `，${unitNames.join('、')}` : ''}）\n`,
  );
  return 0;
}

function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
