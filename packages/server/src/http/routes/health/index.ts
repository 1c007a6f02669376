import { authEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { databaseHealth } from '../../../services/health-service.js';
import { register } from '../../register.js';

export function healthRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.health, async ({ reply }) => {
      const time = deps.clock.now().toISOString();
      const health = await databaseHealth(deps);
      if (health.answers) return { status: 'ok' as const, database: 'ok' as const, time, demo: health.demo };
      void reply.status(503);
      return { status: 'degraded' as const, database: 'unreachable' as const, time, demo: false };
    });
    return Promise.resolve();
  };
}
