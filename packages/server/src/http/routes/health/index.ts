import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { databaseAnswers } from '../../../services/health-service.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  time: z.string(),
});

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/health',
      { config: { public: true }, schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
      async (_request, reply) => {
        const time = deps.clock.now().toISOString();
        if (await databaseAnswers(deps)) return { status: 'ok' as const, database: 'ok' as const, time };
        return reply.status(503).send({ status: 'degraded', database: 'unreachable', time });
      },
    );
    return Promise.resolve();
  };
}
