import { milestoneEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  confirmMilestone,
  milestoneTemplates,
  planMilestones,
  recordMilestone,
  saveTaskMilestones,
  taskMilestones,
} from '../../../services/milestone-service.js';
import { register } from '../../register.js';

export function milestoneRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.milestoneTemplates, ({ actor }) => milestoneTemplates(actor));
    register(app, e.taskMilestones, ({ actor, params }) => taskMilestones(deps, actor, params.id));
    register(app, e.saveTaskMilestones, ({ actor, params, body }) =>
      saveTaskMilestones(deps, actor, params.id, body.milestones),
    );
    register(app, e.recordMilestone, ({ actor, params, body }) =>
      recordMilestone(deps, actor, params.id, body),
    );
    register(app, e.confirmMilestone, ({ actor, params, body }) =>
      confirmMilestone(deps, actor, params.id, body),
    );
    register(app, e.planMilestones, ({ actor, params, query }) =>
      planMilestones(deps, actor, params.planId, { unitId: query.unitId, leaderId: query.leaderId }),
    );
    return Promise.resolve();
  };
}
