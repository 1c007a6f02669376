import type { Config, Database } from '@yaodian/server';

/** What a command may touch besides files: injected so tests run commands in-process. */
export interface CommandIo {
  stdout: (s: string) => unknown;
  stderr: (s: string) => unknown;
  readStdin: () => Promise<Uint8Array>;
  /** Where configuration comes from (DATA_DIR, DATABASE_URL, …); process.env when not given. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Opens the configured database for one command. Tests pass one that keeps a database open
   * across commands (the embedded one takes seconds to start); its close() may then do nothing.
   */
  openDatabase?: (config: Config, asOwner: boolean) => Promise<Database>;
  /** Resolves when `serve` should stop; SIGINT or SIGTERM when not given. */
  untilStopped?: () => Promise<void>;
}

/** A mistake in how the command was called or in its input: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
