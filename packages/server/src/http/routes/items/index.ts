import {
  ErrorResponse,
  ItemParams,
  MergeItemRequest,
  MoveItemRequest,
  PlanDetail,
  SetAssignmentsRequest,
  UpdateItemRequest,
  VersionQuery,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import {
  mergeItem,
  moveItem,
  removeItem,
  setAssignments,
  updateItem,
} from '../../../services/item-service.js';
import { actorOf } from '../../auth-hook.js';

const responses = {
  200: PlanDetail,
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export function itemRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.patch(
      '/api/plans/:planId/items/:itemId',
      { schema: { tags: ['items'], params: ItemParams, body: UpdateItemRequest, response: responses } },
      (request) =>
        updateItem(deps, actorOf(request), request.params.planId, request.params.itemId, request.body),
    );
    app.post(
      '/api/plans/:planId/items/:itemId/move',
      { schema: { tags: ['items'], params: ItemParams, body: MoveItemRequest, response: responses } },
      (request) =>
        moveItem(deps, actorOf(request), request.params.planId, request.params.itemId, request.body),
    );
    app.post(
      '/api/plans/:planId/items/:itemId/merge',
      { schema: { tags: ['items'], params: ItemParams, body: MergeItemRequest, response: responses } },
      (request) =>
        mergeItem(deps, actorOf(request), request.params.planId, request.params.itemId, request.body),
    );
    app.delete(
      '/api/plans/:planId/items/:itemId',
      { schema: { tags: ['items'], params: ItemParams, querystring: VersionQuery, response: responses } },
      (request) =>
        removeItem(
          deps,
          actorOf(request),
          request.params.planId,
          request.params.itemId,
          request.query.version,
        ),
    );
    app.put(
      '/api/plans/:planId/items/:itemId/assignments',
      { schema: { tags: ['items'], params: ItemParams, body: SetAssignmentsRequest, response: responses } },
      (request) =>
        setAssignments(deps, actorOf(request), request.params.planId, request.params.itemId, request.body),
    );
    return Promise.resolve();
  };
}
