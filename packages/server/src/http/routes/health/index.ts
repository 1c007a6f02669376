import { authEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { databaseAnswers } from '../../../services/health-service.js';
import { register } from '../../register.js';

export function healthRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.health, async ({ reply }) => {
      const time = deps.clock.now().toISOString();
      if (await databaseAnswers(deps)) return { status: 'ok' as const, database: 'ok' as const, time };
      void reply.status(503);
      return { status: 'degraded' as const, database: 'unreachable' as const, time };
    });
    return Promise.resolve();
  };
}
