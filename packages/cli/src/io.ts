/** What a command may touch besides files: injected so tests run commands in-process. */
export interface CommandIo {
  stdout: (s: string) => unknown;
  stderr: (s: string) => unknown;
  readStdin: () => Promise<Uint8Array>;
}

/** A mistake in how the command was called or in its input: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
