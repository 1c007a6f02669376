import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasDemoTenant } from '../../../repositories/tenant-repository.js';
import type { Deps } from '../../../services/deps.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  time: z.string(),
  /** The demo commission is installed: every page says so. */
  demo: z.boolean(),
});

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/health',
      { config: { public: true }, schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
      async (_request, reply) => {
        const time = deps.clock.now().toISOString();
        try {
          const demo = await hasDemoTenant(deps.db);
          return { status: 'ok' as const, database: 'ok' as const, time, demo };
        } catch {
          return reply.status(503).send({ status: 'degraded', database: 'unreachable', time, demo: false });
        }
      },
    );
    return Promise.resolve();
  };
}
