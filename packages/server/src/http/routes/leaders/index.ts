import { leaderEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  addInstruction,
  assignItemLeader,
  assignUnitLeader,
  myKeyProjects,
  planLeaders,
  taskInstructions,
} from '../../../services/leader-service.js';
import { register } from '../../register.js';

export function leaderRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.planLeaders, ({ actor, params }) => planLeaders(deps, actor, params.planId));
    register(app, e.setItemLeader, ({ actor, params, body }) =>
      assignItemLeader(deps, actor, params.planId, params.itemId, body.leaderId),
    );
    register(app, e.setUnitLeader, ({ actor, params, body }) =>
      assignUnitLeader(deps, actor, params.planId, params.unitId, body.leaderId),
    );
    register(app, e.myKeyProjects, ({ actor }) => myKeyProjects(deps, actor));
    register(app, e.instructions, ({ actor, params }) => taskInstructions(deps, actor, params.id));
    register(app, e.addInstruction, ({ actor, params, body }) =>
      addInstruction(deps, actor, params.id, body.body),
    );
    return Promise.resolve();
  };
}
