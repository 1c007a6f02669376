import { runParse } from './commands/parse.js';
import { UsageError, type CommandIo } from './io.js';

const HELP = `用法: yaodian <命令> [参数]

命令:
  parse FILE [--json | --text] [--max-bytes N]
      读取工作计划文档（txt/html/docx/doc/pdf，"-" 表示标准输入），输出 Plan JSON（默认）或可读的条目树。
  help
      显示本帮助。
`;

/** Runs the CLI; returns the process exit code (0 success, 2 bad input or usage). */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'parse':
        return await runParse(rest, io);
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
