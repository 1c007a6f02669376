import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportPlanWorkbook, operatorActor, planOwner } from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `yaodian export PLAN_ID --xlsx [--out FILE]`: the 推进表 the API's export endpoint serves. */
export async function runExport(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { xlsx: { type: 'boolean' }, out: { type: 'string' } },
    }),
  );
  if (positionals.length !== 1) throw new UsageError('export 需要且只需要一个计划 ID');
  const planId = positionals[0] ?? '';
  if (!UUID.test(planId)) throw new UsageError(`计划 ID 应是 UUID，收到 "${planId}"`);
  if (!values.xlsx) throw new UsageError('export 需要指定格式 --xlsx（目前只支持推进表 .xlsx）');
  const config = loadCliConfig(io);
  const { title, bytes } = await withServer(io, config, async (deps) => {
    const plan = await planOwner(deps, planId);
    const actor = await operatorActor(deps, plan.tenantId, undefined);
    return { title: plan.title, ...(await exportPlanWorkbook(deps, actor, planId)) };
  });
  const out = values.out ?? `推进表-${safeFileName(title)}.xlsx`;
  await writeFile(out, bytes).catch((error: unknown) => {
    throw new UsageError(`${out}: 无法写入 (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  });
  io.stdout(`已写出 ${out}\n`);
  return 0;
}

/** A plan title as a file name: path separators and characters Windows refuses become "_". */
function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120) || '计划';
}
