import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  applyPurge,
  commissionByCode,
  preparePurge,
  RetentionError,
  verifyAuditChains,
} from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

/**
 * `yaodian audit verify [--tenant CODE]`: checks each commission's audit hash chain up to its last sealed
 * entry. Exit code 0 when every chain holds, 1 when one is broken (the first broken link is printed).
 */
export async function runAudit(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'purge') return runAuditPurge(rest, io);
  if (sub !== 'verify')
    throw new UsageError(`未知的 audit 子命令 "${sub ?? ''}"，可用: audit verify, audit purge`);
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

/**
 * `yaodian audit purge --before YYYY-MM-DD --out FILE [--tenant CODE]`: exports the sealed entries older than
 * the date to FILE (never overwritten; written and flushed first), then removes them, keeping an anchor so
 * `audit verify` still checks the rest. Refuses a date inside YAODIAN_AUDIT_RETENTION_DAYS (≥ 180). Runs as the
 * schema owner (DATABASE_OWNER_URL where set): only the owner may lift the log's append-only triggers.
 */
async function runAuditPurge(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { before: { type: 'string' }, out: { type: 'string' }, tenant: { type: 'string' } },
    }),
  );
  if (positionals.length > 0) throw new UsageError(`audit purge 不接受位置参数 "${positionals[0] ?? ''}"`);
  if (!values.before || !/^\d{4}-\d{2}-\d{2}$/.test(values.before))
    throw new UsageError('audit purge 需要 --before YYYY-MM-DD（清理此日期之前的审计记录）');
  if (!values.out) throw new UsageError('audit purge 需要 --out FILE（先导出，再清理）');
  const out = values.out;
  const before = new Date(`${values.before}T00:00:00+08:00`);
  const config = loadCliConfig(io);
  const done = await withServer(
    io,
    config,
    async (deps) => {
      const tenantId = values.tenant ? (await commissionByCode(deps, values.tenant)).id : undefined;
      const now = deps.clock.now();
      const prepared = await preparePurge(deps.db, {
        before,
        now,
        retentionDays: config.auditRetentionDays,
        ...(tenantId ? { tenantId } : {}),
      }).catch((error: unknown) => {
        throw error instanceof RetentionError ? new UsageError(error.message) : error;
      });
      // The export is on disk before anything is deleted.
      const file = await open(out, 'wx').catch((error: unknown) => {
        throw new UsageError(
          `${out}: 无法创建导出文件 (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      });
      try {
        await file.writeFile(prepared.text, 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      return { result: await applyPurge(deps.db, prepared, now), digest: prepared.digest };
    },
    { asOwner: true },
  );
  for (const r of done.result) io.stdout(`${r.code}: 已导出并清理 ${String(r.entries)} 条审计记录\n`);
  io.stdout(`导出文件 ${out}（SHA-256 ${done.digest}）\n`);
  return 0;
}
