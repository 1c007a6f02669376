import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BYTES, isParseError, parsePlan } from '@yaodian/parser';
import { UsageError, type CommandIo } from '../io.js';
import { renderTree } from '../render-tree.js';

/** `yaodian parse FILE [--json | --text] [--max-bytes N]` */
export async function runParse(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (values.json && values.text) throw new UsageError('--json 与 --text 只能选一个');
  if (positionals.length !== 1) throw new UsageError('parse 需要且只需要一个文件参数（"-" 表示标准输入）');
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new UsageError(`--max-bytes 必须是正整数，收到 "${values['max-bytes'] ?? ''}"`);
  }
  const file = positionals[0] ?? '-';
  const bytes = file === '-' ? await io.readStdin() : await readInput(file, maxBytes);
  try {
    const plan = await parsePlan(bytes, { fileName: file === '-' ? undefined : basename(file), maxBytes });
    io.stdout(values.text ? renderTree(plan) : `${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (isParseError(error)) throw new UsageError(`${file}: ${error.message} (${error.code})`);
    throw error;
  }
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, text: { type: 'boolean' }, 'max-bytes': { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function readInput(file: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`${file}: 不是文件`);
    // Refuse before reading a huge file into memory; parsePlan checks the limit again.
    if (info.size > maxBytes)
      throw new UsageError(`${file}: 文件大小 ${info.size} 字节超过上限 ${maxBytes} 字节 (too_large)`);
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: 无法读取文件${code ? ` (${code})` : ''}`);
  }
}
