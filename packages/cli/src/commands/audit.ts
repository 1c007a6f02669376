import { parseArgs } from 'node:util';
import { commissionByCode, verifyAuditChains } from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

/**
 * `yaodian audit verify [--tenant CODE]`: checks each commission's audit hash chain up to its last sealed
 * entry. Exit code 0 when every chain holds, 1 when one is broken (the first broken link is printed).
 */
export async function runAudit(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(`未知的 audit 子命令 "${sub ?? ''}"，可用: audit verify`);
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({ args: [...rest], allowPositionals: true, options: { tenant: { type: 'string' } } }),
  );
  if (positionals.length > 0) throw new UsageError(`audit verify 不接受位置参数 "${positionals[0] ?? ''}"`);
  const config = loadCliConfig(io);
  const results = await withServer(io, config, async (deps) => {
    const only = values.tenant ? (await commissionByCode(deps, values.tenant)).id : undefined;
    return verifyAuditChains(deps.db, only);
  });
  let broken = 0;
  for (const r of results) {
    if (r.ok) {
      io.stdout(`${r.code}: 审计链完整，已校验 ${String(r.checked)} 条，待封存 ${String(r.unsealed)} 条\n`);
    } else {
      broken += 1;
      const b = r.firstBroken;
      io.stdout(
        `${r.code}: 审计链在第 ${String(b?.seq ?? 0)} 环断开（条目 ${String(b?.entryId ?? 0)}，${b?.reason ?? ''}）；此前 ${String(r.checked)} 条完整\n`,
      );
    }
  }
  return broken > 0 ? 1 : 0;
}
