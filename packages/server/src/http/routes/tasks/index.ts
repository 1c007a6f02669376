import { ErrorResponse, TaskList, TaskPageQuery, TaskQuery } from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { listTasks } from '../../../services/task-service.js';
import { actorOf } from '../../auth-hook.js';

export function taskRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/tasks',
      {
        schema: { tags: ['tasks'], querystring: TaskQuery, response: { 200: TaskList, 404: ErrorResponse } },
      },
      (request) => {
        const { mine, limit, cursor, ...rest } = request.query;
        return listTasks(
          deps,
          actorOf(request),
          { ...rest, mine: mine === 'true' },
          { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
        );
      },
    );
    app.get(
      '/api/my/tasks',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Tasks assigned to the caller’s units',
          querystring: TaskPageQuery,
          response: { 200: TaskList },
        },
      },
      (request) => {
        const { limit, cursor } = request.query;
        return listTasks(
          deps,
          actorOf(request),
          { mine: true },
          { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
        );
      },
    );
    return Promise.resolve();
  };
}
