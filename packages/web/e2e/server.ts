import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config/config.js';
import { DEMO_PASSWORD } from '../../server/src/demo/seed.js';
import { startServer as startYaodian } from '../../server/src/server.js';

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const PASSWORD = DEMO_PASSWORD;

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * The real server (its own start-up: migrations, demo seed, the built app from dist/ with its
 * precompressed files) on a fresh embedded database in a temporary directory, on a free loopback port.
 * `env` adds settings (e.g. SMTP_URL for a test's own SMTP server).
 */
export async function startServer(now: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yaodian-e2e-'));
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    YAODIAN_NOW: now,
    YAODIAN_DEMO: '1',
    YAODIAN_WEB_DIR: DIST,
    ...env,
  });
  const yaodian = await startYaodian(config, () => undefined);
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: async () => {
      await yaodian.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
