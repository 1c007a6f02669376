import {
  CreateUnitRequest,
  IdParams,
  UpdateUnitRequest,
  ErrorResponse,
  PutUnitGroupRequest,
  Unit,
  UnitGroup,
  UnitGroupList,
  UnitList,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import {
  createUnit,
  listGroups,
  listTenantUnits,
  setGroup,
  updateUnit,
} from '../../../services/unit-service.js';
import { actorOf } from '../../auth-hook.js';

export function unitRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get('/api/units', { schema: { tags: ['units'], response: { 200: UnitList } } }, (request) =>
      listTenantUnits(deps, actorOf(request)),
    );
    app.post(
      '/api/units',
      {
        schema: {
          tags: ['units'],
          body: CreateUnitRequest,
          response: { 201: Unit, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUnit(deps, actorOf(request), request.body)),
    );
    app.get(
      '/api/unit-groups',
      { schema: { tags: ['units'], response: { 200: UnitGroupList } } },
      (request) => listGroups(deps, actorOf(request)),
    );
    app.put(
      '/api/unit-groups',
      {
        schema: {
          tags: ['units'],
          body: PutUnitGroupRequest,
          response: { 200: UnitGroup, 400: ErrorResponse, 403: ErrorResponse },
        },
      },
      (request) => setGroup(deps, actorOf(request), request.body),
    );
    app.patch(
      '/api/units/:id',
      {
        schema: {
          tags: ['units'],
          params: IdParams,
          body: UpdateUnitRequest,
          response: {
            200: Unit,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      (request) => updateUnit(deps, actorOf(request), request.params.id, request.body),
    );
    return Promise.resolve();
  };
}
