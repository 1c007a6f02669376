import { planEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  archivePlan,
  getPlan,
  importPlan,
  listVisiblePlans,
  publishPlan,
  rematchUnits,
  updatePlan,
} from '../../../services/plan-service.js';
import { createForUnmatched, resolveUnmatched } from '../../../services/unmatched-service.js';
import { register } from '../../register.js';

export function planRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.plans, ({ actor }) => listVisiblePlans(deps, actor));
    register(app, e.importPlan, ({ actor, body }) => importPlan(deps, actor, body));
    register(app, e.plan, ({ actor, params }) => getPlan(deps, actor, params.planId));
    register(app, e.updatePlan, ({ actor, params, body }) => updatePlan(deps, actor, params.planId, body));
    register(app, e.publishPlan, ({ actor, params, body }) =>
      publishPlan(deps, actor, params.planId, body.version),
    );
    register(app, e.archivePlan, ({ actor, params, body }) =>
      archivePlan(deps, actor, params.planId, body.version),
    );
    register(app, e.resolveUnmatched, ({ actor, params, body }) =>
      resolveUnmatched(deps, actor, params.planId, body),
    );
    register(app, e.createUnmatchedUnit, ({ actor, params, body }) =>
      createForUnmatched(deps, actor, params.planId, body),
    );
    register(app, e.rematch, ({ actor, params }) => rematchUnits(deps, actor, params.planId));
    return Promise.resolve();
  };
}
