import { periodEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  generatePeriods,
  listPlanPeriods,
  owedUnits,
  updatePeriod,
} from '../../../services/period-service.js';
import { register } from '../../register.js';

export function periodRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.periods, ({ actor, params }) => listPlanPeriods(deps, actor, params.planId));
    register(app, e.generatePeriods, ({ actor, params, body }) =>
      generatePeriods(deps, actor, params.planId, body),
    );
    register(app, e.updatePeriod, ({ actor, params, body }) =>
      updatePeriod(deps, actor, params.planId, params.periodId, body),
    );
    register(app, e.owedUnits, ({ actor, params }) => owedUnits(deps, actor, params.planId, params.periodId));
    return Promise.resolve();
  };
}
