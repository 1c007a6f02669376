import { auditEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { readAudit } from '../../../services/audit-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function auditRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.audit, ({ actor, query }) => readAudit(deps, actor, query));
    return Promise.resolve();
  };
}
