import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { databaseHealth } from '../../../services/health-service.js';

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
        const health = await databaseHealth(deps);
        if (health.answers)
          return { status: 'ok' as const, database: 'ok' as const, time, demo: health.demo };
        return reply.status(503).send({ status: 'degraded', database: 'unreachable', time, demo: false });
      },
    );
    return Promise.resolve();
  };
}
