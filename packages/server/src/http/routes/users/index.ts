import {
  CreateUserRequest,
  ErrorResponse,
  IdParams,
  OkResponse,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserList,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import {
  createUser,
  listTenantUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from '../../../services/user-service.js';
import { actorOf } from '../../auth-hook.js';

export function userRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/users',
      { schema: { tags: ['users'], response: { 200: UserList, 403: ErrorResponse } } },
      (request) => listTenantUsers(deps, actorOf(request)),
    );
    app.post(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          body: CreateUserRequest,
          response: { 201: User, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUser(deps, actorOf(request), request.body)),
    );
    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          params: IdParams,
          body: UpdateUserRequest,
          response: {
            200: User,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      (request) => updateUser(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/users/:id/password',
      {
        schema: {
          tags: ['users'],
          params: IdParams,
          body: ResetPasswordRequest,
          response: { 200: OkResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        await resetPassword(deps, actorOf(request), request.params.id, request.body.newPassword);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/users/:id/unlock',
      {
        schema: {
          tags: ['users'],
          params: IdParams,
          response: { 200: OkResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        await unlockUser(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
    return Promise.resolve();
  };
}
