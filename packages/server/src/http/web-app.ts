import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { COMMON_ERRORS } from '../messaging/error-messages.js';

/** packages/web/dist, seen from this file in src/http or dist/http. */
export const DEFAULT_WEB_DIR = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../../web/dist',
);

/**
 * Serves the built web app on the API's origin: its files, and index.html for any other GET outside
 * /api/ (the browser router resolves the path). Unknown /api/ paths stay JSON 404s.
 * The build writes `.br` and `.gz` beside each text file (packages/web/build/compress-assets.ts); the
 * one the browser accepts is sent as it is, with `Vary: Accept-Encoding`, so nothing is compressed per
 * request. Hashed assets are immutable; index.html is revalidated, so a new build is picked up at once.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webDir: string | null,
  log: (line: string) => void,
): Promise<void> {
  const hasApp = webDir !== null && fs.existsSync(path.join(webDir, 'index.html'));
  if (webDir !== null && !hasApp)
    log(`yaodian: no web app in ${webDir}; run \`npm run build -w packages/web\` to build it`);
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      hasApp &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/')
    ) {
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: COMMON_ERRORS.noRoute(request.method, request.url.split('?')[0] ?? ''),
      },
    });
  });
}
