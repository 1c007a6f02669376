import { targetEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { createTarget, removeTarget, updateTarget } from '../../../services/target-service.js';
import { register } from '../../register.js';

export function targetRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.createTarget, ({ actor, params, body }) =>
      createTarget(deps, actor, params.planId, body),
    );
    register(app, e.updateTarget, ({ actor, params, body }) =>
      updateTarget(deps, actor, params.planId, params.targetId, body),
    );
    register(app, e.deleteTarget, ({ actor, params, query }) =>
      removeTarget(deps, actor, params.planId, params.targetId, query.version),
    );
    return Promise.resolve();
  };
}
