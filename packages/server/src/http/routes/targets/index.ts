import {
  CreateTargetRequest,
  ErrorResponse,
  PlanDetail,
  PlanParams,
  TargetParams,
  UpdateTargetRequest,
  VersionQuery,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { createTarget, removeTarget, updateTarget } from '../../../services/target-service.js';
import { actorOf } from '../../auth-hook.js';

const responses = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function targetRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/api/plans/:planId/targets',
      {
        schema: {
          tags: ['targets'],
          params: PlanParams,
          body: CreateTargetRequest,
          response: { 201: PlanDetail, ...responses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createTarget(deps, actorOf(request), request.params.planId, request.body)),
    );
    app.patch(
      '/api/plans/:planId/targets/:targetId',
      {
        schema: {
          tags: ['targets'],
          params: TargetParams,
          body: UpdateTargetRequest,
          response: { 200: PlanDetail, ...responses },
        },
      },
      (request) =>
        updateTarget(deps, actorOf(request), request.params.planId, request.params.targetId, request.body),
    );
    app.delete(
      '/api/plans/:planId/targets/:targetId',
      {
        schema: {
          tags: ['targets'],
          params: TargetParams,
          querystring: VersionQuery,
          response: { 200: PlanDetail, ...responses },
        },
      },
      (request) =>
        removeTarget(
          deps,
          actorOf(request),
          request.params.planId,
          request.params.targetId,
          request.query.version,
        ),
    );
    return Promise.resolve();
  };
}
