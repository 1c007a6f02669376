import { unitEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  createUnit,
  listGroups,
  listTenantUnits,
  setGroup,
  updateUnit,
} from '../../../services/unit-service.js';
import { register } from '../../register.js';

export function unitRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.units, ({ actor }) => listTenantUnits(deps, actor));
    register(app, e.createUnit, ({ actor, body }) => createUnit(deps, actor, body));
    register(app, e.unitGroups, ({ actor }) => listGroups(deps, actor));
    register(app, e.saveUnitGroup, ({ actor, body }) => setGroup(deps, actor, body));
    register(app, e.updateUnit, ({ actor, params, body }) => updateUnit(deps, actor, params.id, body));
    return Promise.resolve();
  };
}
