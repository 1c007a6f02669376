import { securityEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { getPasswordPolicy, setPasswordPolicy } from '../../../services/security-policy-service.js';
import { register } from '../../register.js';

export function securityRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.passwordPolicy, ({ actor }) => getPasswordPolicy(deps, actor));
    register(app, e.setPasswordPolicy, ({ actor, body }) => setPasswordPolicy(deps, actor, body));
    return Promise.resolve();
  };
}
