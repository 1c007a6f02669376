import { taskEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { myOwed, taskOverview } from '../../../services/my-work-service.js';
import { listTasks } from '../../../services/task-service.js';
import { register } from '../../register.js';

export function taskRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.tasks, ({ actor, query }) => {
      const { mine, limit, cursor, ...rest } = query;
      return listTasks(
        deps,
        actor,
        { ...rest, mine: mine === 'true' },
        { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
      );
    });
    register(app, e.myTasks, ({ actor, query }) => {
      const { limit, cursor } = query;
      return listTasks(
        deps,
        actor,
        { mine: true },
        { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
      );
    });
    register(app, e.taskOverview, ({ actor, query }) => taskOverview(deps, actor, query.mine === 'true'));
    register(app, e.myOwed, ({ actor }) => myOwed(deps, actor));
    return Promise.resolve();
  };
}
