import type { CommandIo } from './io.js';

/** The environment a command reads its settings from: the one a test injected, else the process's. */
export function environment(io: CommandIo): Readonly<Record<string, string | undefined>> {
  return io.env ?? process.env;
}
