import { CreateUserRequest, ErrorResponse, User, UserList } from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { createUser, listTenantUsers } from '../../../services/user-service.js';
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
    return Promise.resolve();
  };
}
