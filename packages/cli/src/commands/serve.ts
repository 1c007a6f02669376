import { parseArgs } from 'node:util';
import { startServer } from '@yaodian/server';
import { UsageError, type CommandIo } from '../io.js';
import { loadCliConfig, parseOrUsage } from '../server-context.js';

/** `yaodian serve [--port N] [--host H]`: what `npm start` runs, until SIGINT or SIGTERM. */
export async function runServe(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { port: { type: 'string' }, host: { type: 'string' } },
    }),
  );
  if (positionals.length > 0) throw new UsageError(`serve 不接受位置参数 "${positionals[0] ?? ''}"`);
  // The options stand in for PORT and HOST, so the server's own checks and messages apply to both.
  const config = loadCliConfig(io, {
    ...(values.port !== undefined ? { PORT: values.port } : {}),
    ...(values.host !== undefined ? { HOST: values.host } : {}),
  });
  const server = await startServer(config, (line) => io.stdout(`${line}\n`));
  try {
    await (io.untilStopped ?? untilSignal)();
  } finally {
    await server.close();
  }
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
