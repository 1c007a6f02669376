import { yearLinkEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  carryForward,
  decideYearLinks,
  proposeYearLinks,
  targetHistory,
  yearLinks,
} from '../../../services/year-link-service.js';
import { register } from '../../register.js';

export function yearLinkRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.yearLinks, ({ actor, params, query }) =>
      yearLinks(deps, actor, params.planId, query.previousPlanId),
    );
    register(app, e.proposeYearLinks, ({ actor, params, body }) =>
      proposeYearLinks(deps, actor, params.planId, body.previousPlanId),
    );
    register(app, e.decideYearLinks, ({ actor, params, body }) =>
      decideYearLinks(deps, actor, params.planId, body.decisions),
    );
    register(app, e.carryForward, ({ actor, params, body }) =>
      carryForward(deps, actor, params.planId, body),
    );
    register(app, e.targetHistory, ({ actor, params }) => targetHistory(deps, actor, params.id));
    return Promise.resolve();
  };
}
