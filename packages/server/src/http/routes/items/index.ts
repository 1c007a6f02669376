import {
  AddItemRequest,
  ErrorResponse,
  ItemParams,
  MergeItemRequest,
  MoveItemRequest,
  PlanDetail,
  PlanParams,
  SetAssignmentsRequest,
  SplitItemRequest,
  UpdateItemRequest,
  VersionQuery,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import {
  addItem,
  mergeItem,
  moveItem,
  removeItem,
  setAssignments,
  splitItem,
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
    app.post(
      '/api/plans/:planId/items/:itemId/split',
      {
        schema: {
          tags: ['items'],
          summary:
            'Split an item at a sentence end or an 一是/二是 boundary; the second part becomes the next sibling',
          params: ItemParams,
          body: SplitItemRequest,
          response: responses,
        },
      },
      (request) =>
        splitItem(deps, actorOf(request), request.params.planId, request.params.itemId, request.body),
    );
    app.post(
      '/api/plans/:planId/items',
      {
        schema: {
          tags: ['items'],
          summary: 'Add an item the planner types, as a child or right after a sibling',
          params: PlanParams,
          body: AddItemRequest,
          response: { ...responses, 201: PlanDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addItem(deps, actorOf(request), request.params.planId, request.body)),
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
