import {
  Period,
  PeriodParams,
  UpdatePeriodRequest,
  ErrorResponse,
  GeneratePeriodsRequest,
  PeriodList,
  PlanParams,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { generatePeriods, listPlanPeriods, updatePeriod } from '../../../services/period-service.js';
import { actorOf } from '../../auth-hook.js';

export function periodRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/plans/:planId/periods',
      {
        schema: { tags: ['periods'], params: PlanParams, response: { 200: PeriodList, 404: ErrorResponse } },
      },
      (request) => listPlanPeriods(deps, actorOf(request), request.params.planId),
    );
    app.post(
      '/api/plans/:planId/periods',
      {
        schema: {
          tags: ['periods'],
          params: PlanParams,
          body: GeneratePeriodsRequest,
          response: {
            200: PeriodList,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      (request) => generatePeriods(deps, actorOf(request), request.params.planId, request.body),
    );
    app.patch(
      '/api/plans/:planId/periods/:periodId',
      {
        schema: {
          tags: ['periods'],
          params: PeriodParams,
          body: UpdatePeriodRequest,
          response: {
            200: Period,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      (request) =>
        updatePeriod(deps, actorOf(request), request.params.planId, request.params.periodId, request.body),
    );
    return Promise.resolve();
  };
}
