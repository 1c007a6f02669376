import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config/config.js';
import { DEMO_PASSWORD } from '../../server/src/demo/seed.js';
import { startServer as startYaodian } from '../../server/src/server.js';

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const PASSWORD = DEMO_PASSWORD;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

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

/** dist/ with an index.html fallback for every non-/api path, the way the server is asked to serve it (NEEDS-SERVER.md). */
async function staticFile(urlPath: string): Promise<{ type: string; body: Buffer }> {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^([/\\]*\.\.)+/, '');
  const file = path.join(DIST, clean);
  if (file.startsWith(DIST) && path.extname(file)) {
    try {
      return { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
    } catch {
      // fall through to the app shell
    }
  }
  return { type: TYPES['.html'] ?? 'text/html', body: await readFile(path.join(DIST, 'index.html')) };
}

/**
 * The real server (its own start-up: migrations, demo seed) on a fresh embedded database in a
 * temporary directory, on a free loopback port; in front of it, one origin that serves the built
 * app and passes /api through, so cookies and CSRF work exactly as when the server serves dist/.
 */
export async function startServer(now: string): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yaodian-e2e-'));
  const apiPort = await freePort();
  const config = loadConfig({
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    YAODIAN_NOW: now,
    YAODIAN_DEMO: '1',
  });
  const yaodian = await startYaodian(config, () => undefined);

  const front = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/api/')) {
      const upstream = http.request(
        { host: '127.0.0.1', port: apiPort, path: url, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => {
        response.writeHead(502).end();
      });
      request.pipe(upstream);
      return;
    }
    staticFile(url.split('?')[0] ?? '/').then(
      ({ type, body }) => {
        response.writeHead(200, { 'Content-Type': type }).end(body);
      },
      () => {
        response.writeHead(500).end();
      },
    );
  });
  const frontPort = await freePort();
  await new Promise<void>((resolve) => front.listen(frontPort, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${frontPort}`,
    close: async () => {
      await new Promise<void>((resolve) =>
        front.close(() => {
          resolve();
        }),
      );
      await yaodian.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
