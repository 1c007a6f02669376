import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { commissionByCode, importPlan, operatorActor, type PlanReader } from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage, withServer } from '../server-context.js';

/** `yaodian import FILE --tenant CODE [--year N] [--user NAME]`: a draft plan, as the upload endpoint makes it. */
export async function runImport(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { tenant: { type: 'string' }, year: { type: 'string' }, user: { type: 'string' } },
    }),
  );
  if (positionals.length !== 1) throw new UsageError('import 需要且只需要一个文件参数');
  if (!values.tenant) throw new UsageError('import 需要 --tenant CODE（单位代码）');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new UsageError(`--year 必须是 2000–2100 之间的年份，收到 "${values.year ?? ''}"`);
  const config = loadCliConfig(io);
  const file = positionals[0] ?? '';
  const bytes = await readFile(file).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: 无法读取文件${code ? ` (${code})` : ''}`);
  });
  const tenantCode = values.tenant;
  const plan = await withServer(io, config, async (deps) => {
    const tenant = await commissionByCode(deps, tenantCode);
    const actor = await operatorActor(deps, tenant.id, values.user);
    // The year the operator gives wins over the one the engine read from the title.
    const readPlan: PlanReader = async (input, options) => {
      const parsed = await deps.readPlan(input, options);
      return year === undefined ? parsed : { ...parsed, meta: { ...parsed.meta, year } };
    };
    return importPlan({ ...deps, readPlan }, actor, { fileName: basename(file), bytes });
  });
  const tasks = countTasks(plan.items);
  const targets = plan.items.reduce((n, i) => n + i.targets.length, 0);
  io.stdout(
    [
      `已导入草稿计划 ${plan.id}`,
      `标题: ${plan.title}（${String(plan.year)}年）`,
      `条目 ${String(plan.items.length)} 个，任务 ${String(tasks)} 项，量化目标 ${String(targets)} 个`,
      plan.unmatchedUnits.length > 0
        ? `未匹配的单位名称（${String(plan.unmatchedUnits.length)}）: ${plan.unmatchedUnits.map((u) => u.name).join('、')}`
        : '未匹配的单位名称: 无',
    ].join('\n') + '\n',
  );
  return 0;
}

/** The server's rule: an item marked as a task, or a leaf below no marked item. */
function countTasks(items: readonly { id: string; parentId: string | null; isTask: boolean }[]): number {
  const children = new Map<string | null, string[]>();
  for (const item of items) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item.id]);
  const marked = new Set(items.filter((i) => i.isTask).map((i) => i.id));
  let count = 0;
  const stack = [...(children.get(null) ?? [])];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const below = children.get(id) ?? [];
    if (marked.has(id) || below.length === 0) count += 1;
    else stack.push(...below);
  }
  return count;
}
