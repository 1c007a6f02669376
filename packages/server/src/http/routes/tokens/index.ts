import { tokenEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { createToken, findTokens, revokeToken } from '../../../services/token-service.js';
import { register } from '../../register.js';

export function tokenRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.apiTokens, ({ actor }) => findTokens(deps, actor));
    register(app, e.createApiToken, ({ actor, body }) => createToken(deps, actor, body));
    register(app, e.revokeApiToken, ({ actor, params }) => revokeToken(deps, actor, params.id));
    return Promise.resolve();
  };
}
