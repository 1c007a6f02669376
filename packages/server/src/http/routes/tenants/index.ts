import { tenantEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { createChildTenant, listTenants, setTenantActive } from '../../../services/tenant-service.js';
import { register } from '../../register.js';

export function tenantRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.tenants, ({ actor }) => listTenants(deps, actor));
    register(app, e.createTenant, ({ actor, body }) => createChildTenant(deps, actor, body));
    register(app, e.setTenantActive, ({ actor, params, body }) =>
      setTenantActive(deps, actor, params.id, body.active),
    );
    return Promise.resolve();
  };
}
