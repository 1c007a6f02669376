import { taskEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { listTasks } from '../../../services/task-service.js';
import { register } from '../../register.js';

export function taskRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.tasks, ({ actor, query }) => {
      const { mine, ...rest } = query;
      return listTasks(deps, actor, { ...rest, mine: mine === 'true' });
    });
    register(app, e.myTasks, ({ actor }) => listTasks(deps, actor, { mine: true }));
    return Promise.resolve();
  };
}
