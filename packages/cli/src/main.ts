import { runAudit } from './commands/audit.js';
import { runBackup, runRestore } from './commands/backup.js';
import { runExport } from './commands/export.js';
import { runImport } from './commands/import.js';
import { runParse } from './commands/parse.js';
import { runServe } from './commands/serve.js';
import { runTenant } from './commands/tenant.js';
import { runUser } from './commands/user.js';
import { UsageError, type CommandIo } from './io.js';

const HELP = `用法: yaodian <命令> [参数]

命令:
  parse FILE [--json | --text] [--max-bytes N]
      读取工作计划文档（txt/html/docx/doc/pdf，"-" 表示标准输入），输出 Plan JSON（默认）或可读的条目树。
  serve [--port N] [--host H]
      迁移数据库、在新的内嵌数据库上写入演示数据（YAODIAN_DEMO=0 关闭；生产环境仅当 YAODIAN_DEMO=1），启动 API 与网页，打印登录地址。
  import FILE --tenant CODE [--year N] [--user NAME]
      用计划引擎读取文档，在该单位下建立草稿计划；打印计划 ID、条目/任务/目标数和未匹配的单位名称。
  tenant add --code CODE --name NAME --admin USER [--admin-name NAME] [--level province|city|county]
      新建单位及其第一个管理员；管理员密码只从标准输入读取。生产环境（NODE_ENV=production 或 DATABASE_URL）
      不写入演示数据，用本命令建立第一个账号。
  user add --tenant CODE --username U --role ROLE [--unit NAME …] [--display-name NAME]
      新建用户（角色 admin/leader/planner/reporter/viewer）；密码取自环境变量 YAODIAN_PASSWORD 或标准输入。
  audit verify [--tenant CODE]
      校验各单位审计日志的哈希链（至最后封存的条目），报告第一处断开；有断开时退出码为 1。
  export PLAN_ID --xlsx [--out FILE]
      导出计划推进表 .xlsx（默认文件名 推进表-<计划标题>.xlsx）。
  backup [--out FILE]
      把数据行、附件和迁移版本备份为一个 zip（默认 yaodian-backup-<时间>.zip）。
  restore FILE [--force]
      从备份恢复；数据库非空时拒绝，--force 先清空现有数据与附件。
  help
      显示本帮助。

服务器命令的配置与服务器相同，来自环境变量：DATA_DIR（默认 ./data）、DATABASE_URL（不设则用 DATA_DIR 中的内嵌数据库）、
PORT、HOST、YAODIAN_DEMO、YAODIAN_NOW 等。
`;

/** Runs the CLI; returns the process exit code (0 success, 2 bad input or usage, 3 backup/restore done without some attachment files). */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'parse':
        return await runParse(rest, io);
      case 'serve':
        return await runServe(rest, io);
      case 'import':
        return await runImport(rest, io);
      case 'audit':
        return await runAudit(rest, io);
      case 'tenant':
        return await runTenant(rest, io);
      case 'user':
        return await runUser(rest, io);
      case 'export':
        return await runExport(rest, io);
      case 'backup':
        return await runBackup(rest, io);
      case 'restore':
        return await runRestore(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return 0;
      default:
        throw new UsageError(`未知命令 "${command}"，可用命令见 yaodian help`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`yaodian: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function processIo(): CommandIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
