import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerEnv, DB_HOOK_TIMEOUT, type ServerEnv } from '../testing/server-env.js';

let home: ServerEnv;
beforeAll(async () => {
  home = await createServerEnv();
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await home.dispose();
}, DB_HOOK_TIMEOUT);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
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

describe('yaodian serve', () => {
  it(
    'serves the API on --port and prints where, until told to stop',
    async () => {
      const port = await freePort();
      let health: { status: number; body: unknown } | undefined;
      const r = await home.run(['serve', '--port', String(port), '--host', '127.0.0.1'], {
        untilStopped: async () => {
          const response = await fetch(`http://127.0.0.1:${String(port)}/api/health`);
          health = { status: response.status, body: await response.json() };
        },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`http://127.0.0.1:${String(port)}`);
      expect(health?.status).toBe(200);
      await expect(fetch(`http://127.0.0.1:${String(port)}/api/health`)).rejects.toThrow();
    },
    DB_HOOK_TIMEOUT,
  );

  it('exits 2 naming PORT for a port that is not a number, before opening anything', async () => {
    const r = await home.run(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
