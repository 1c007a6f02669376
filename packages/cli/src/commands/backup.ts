import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import {
  BACKUP_FORMAT,
  LATEST_MIGRATION,
  backupWithReport,
  isEmpty,
  restoreBackup,
  type MissingFile,
} from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

/** Exit code of a backup or restore that finished but lacks attachment files (each one listed on stderr). */
export const INCOMPLETE_EXIT = 3;

function reportMissing(io: CommandIo, missing: readonly MissingFile[], what: string): void {
  for (const file of missing)
    io.stderr(
      `缺少附件文件：${file.fileName}（附件 ${file.attachmentId}，委员会 ${file.tenantId}），${what}\n`,
    );
}

/**
 * `yaodian backup [--out FILE]`: rows, attachments and the migration version in one zip. A missing attachment
 * file is listed and skipped; the backup is still written, and the exit code (3) says it is incomplete.
 */
export async function runBackup(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({ args: [...args], allowPositionals: true, options: { out: { type: 'string' } } }),
  );
  if (positionals.length > 0)
    throw new UsageError(`backup 不接受位置参数 "${positionals[0] ?? ''}"，输出文件请用 --out`);
  const config = loadCliConfig(io);
  const { out, backup } = await withServer(io, config, async (deps) => {
    const now = deps.clock.now();
    const stamp = now
      .toISOString()
      .replace(/\.\d+Z$/, '')
      .replace(/[-:]/g, '')
      .replace('T', '-');
    return {
      out: values.out ?? `yaodian-backup-${stamp}.zip`,
      backup: await backupWithReport(deps.db, deps.files, now),
    };
  });
  const bytes = backup.archive;
  // Never overwrite: an older backup may be the only good copy.
  await writeFile(out, bytes, { flag: 'wx' }).catch((error: unknown) => {
    throw new UsageError(`${out}: 无法写入 (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  });
  const missing = backup.manifest.missingFiles ?? [];
  io.stdout(
    `已备份到 ${out}（${String(bytes.length)} 字节，${String(backup.manifest.files)} 个附件文件${missing.length > 0 ? `，缺少 ${String(missing.length)} 个` : ''}）\n`,
  );
  reportMissing(io, missing, '已跳过');
  return missing.length > 0 ? INCOMPLETE_EXIT : 0;
}

/** `yaodian restore FILE [--force]`: into an empty database; --force empties a non-empty one first. */
export async function runRestore(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({ args: [...args], allowPositionals: true, options: { force: { type: 'boolean' } } }),
  );
  if (positionals.length !== 1) throw new UsageError('restore 需要且只需要一个备份文件参数');
  const file = positionals[0] ?? '';
  const archive = await readFile(file).catch((error: unknown) => {
    throw new UsageError(`${file}: 无法读取文件 (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  });
  // Check the archive before anything is emptied, so --force never wipes a database for a bad file.
  checkArchive(file, archive);
  const config = loadCliConfig(io);
  const report = await withServer(
    io,
    config,
    async (deps) => {
      const replace = !(await isEmpty(deps.db));
      if (replace && !values.force)
        throw new UsageError('数据库不为空，拒绝恢复；确认覆盖现有数据请加 --force');
      // The old rows go in the restore's own transaction: a failing restore leaves them as they were.
      const clearFiles = () => rm(path.join(config.dataDir, 'attachments'), { recursive: true, force: true });
      return restoreBackup(deps.db, deps.files, archive, replace ? { replace: { clearFiles } } : {});
      // The restore empties the audit log with its triggers off: the schema owner's right alone.
    },
    { asOwner: true },
  );
  // Counted as written, not copied from the manifest.
  const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
  const { manifest, missingFiles } = report;
  io.stdout(
    `已从 ${file} 恢复 ${String(rows)} 行、${String(report.files)} 个附件文件${missingFiles.length > 0 ? `（${String(missingFiles.length)} 个附件没有文件）` : ''}（迁移版本 ${manifest.migration}，备份于 ${manifest.createdAt}）\n`,
  );
  reportMissing(io, missingFiles, '未恢复');
  return missingFiles.length > 0 ? INCOMPLETE_EXIT : 0;
}

function checkArchive(file: string, archive: Uint8Array): void {
  let manifest: { format?: unknown; migration?: unknown } = {};
  try {
    const entry = unzipSync(archive, { filter: (f) => f.name === 'manifest.json' })['manifest.json'];
    if (entry) manifest = JSON.parse(strFromU8(entry)) as typeof manifest;
  } catch {
    // Not a zip or not JSON: reported below like any other foreign file.
  }
  if (manifest.format !== BACKUP_FORMAT)
    throw new UsageError(`${file}: 不是 Yaodian 备份文件（应为 ${BACKUP_FORMAT}）`);
  if (typeof manifest.migration !== 'string' || manifest.migration > LATEST_MIGRATION)
    throw new UsageError(
      `${file}: 备份的迁移版本 ${String(manifest.migration)} 比本程序（${LATEST_MIGRATION}）新，请先升级 Yaodian`,
    );
}
