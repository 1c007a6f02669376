import { auditEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { verifyAuditLog } from '../../../services/audit-chain-service.js';
import { readAudit } from '../../../services/audit-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function auditRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.audit, ({ actor, query }) => {
      const { from, to, ...rest } = query;
      return readAudit(deps, actor, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    });
    register(app, e.verifyAudit, ({ actor }) => verifyAuditLog(deps, actor));
    return Promise.resolve();
  };
}
