import { planEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  archivePlan,
  checkPublish,
  importPlan,
  listVisiblePlans,
  publishPlan,
  rematchUnits,
  updatePlan,
} from '../../../services/plan-service.js';
import { planTreeIfChanged } from '../../../services/plan-tree-service.js';
import { createForUnmatched, resolveUnmatched } from '../../../services/unmatched-service.js';
import { register } from '../../register.js';

export function planRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.plans, ({ actor }) => listVisiblePlans(deps, actor));
    register(app, e.importPlan, ({ actor, body }) => importPlan(deps, actor, body));
    register(app, e.plan, async ({ actor, params, request, reply }) => {
      const { etag, plan } = await planTreeIfChanged(
        deps,
        actor,
        params.planId,
        request.headers['if-none-match'],
      );
      // Revalidated on every use: an unchanged plan answers 304 without reading its items.
      void reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (!plan) return reply.code(304).send();
      return plan;
    });
    register(app, e.updatePlan, ({ actor, params, body }) => updatePlan(deps, actor, params.planId, body));
    register(app, e.publishPlan, ({ actor, params, body }) =>
      publishPlan(deps, actor, params.planId, body.version, body.waivers),
    );
    register(app, e.publishCheck, ({ actor, params }) => checkPublish(deps, actor, params.planId));
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
