import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { BACKUP_FORMAT, LATEST_MIGRATION, createBackup, isEmpty, restoreBackup } from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

/** `yaodian backup [--out FILE]`: rows, attachments and the migration version in one zip. */
export async function runBackup(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({ args: [...args], allowPositionals: true, options: { out: { type: 'string' } } }),
  );
  if (positionals.length > 0)
    throw new UsageError(`backup 不接受位置参数 "${positionals[0] ?? ''}"，输出文件请用 --out`);
  const config = loadCliConfig(io);
  const { out, bytes } = await withServer(io, config, async (deps) => {
    const now = deps.clock.now();
    const stamp = now
      .toISOString()
      .replace(/\.\d+Z$/, '')
      .replace(/[-:]/g, '')
      .replace('T', '-');
    return {
      out: values.out ?? `yaodian-backup-${stamp}.zip`,
      bytes: await createBackup(deps.db, deps.files, now),
    };
  });
  // Never overwrite: an older backup may be the only good copy.
  await writeFile(out, bytes, { flag: 'wx' }).catch((error: unknown) => {
    throw new UsageError(`${out}: 无法写入 (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  });
  io.stdout(`已备份到 ${out}（${String(bytes.length)} 字节）\n`);
  return 0;
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
  const manifest = await withServer(io, config, async (deps) => {
    const replace = !(await isEmpty(deps.db));
    if (replace && !values.force)
      throw new UsageError('数据库不为空，拒绝恢复；确认覆盖现有数据请加 --force');
    // The old rows go in the restore's own transaction: a failing restore leaves them as they were.
    const clearFiles = () => rm(path.join(config.dataDir, 'attachments'), { recursive: true, force: true });
    return restoreBackup(deps.db, deps.files, archive, replace ? { replace: { clearFiles } } : {});
  });
  const rows = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
  io.stdout(
    `已从 ${file} 恢复 ${String(rows)} 行、${String(manifest.files)} 个附件（迁移版本 ${manifest.migration}，备份于 ${manifest.createdAt}）\n`,
  );
  return 0;
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
