import { systemEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { advanceClock, clockState } from '../../../services/clock-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function systemRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.clock, () => clockState(deps));
    register(app, e.advanceClock, ({ actor, body }) => advanceClock(deps, actor, body.days));
    return Promise.resolve();
  };
}
