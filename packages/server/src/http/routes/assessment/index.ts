import { assessmentEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { exportAssessment } from '../../../services/assessment-export.js';
import {
  assessmentRules,
  leaderEvaluations,
  liveAssessment,
  publishAssessment,
  publishedAssessment,
  saveLeaderEvaluation,
  setAssessmentRules,
} from '../../../services/assessment-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function assessmentRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.assessmentRules, ({ actor, params }) => assessmentRules(deps, actor, params.planId));
    register(app, e.saveAssessmentRules, ({ actor, params, body }) =>
      setAssessmentRules(deps, actor, params.planId, body.version, body.rules),
    );
    register(app, e.assessment, ({ actor, params, query }) =>
      liveAssessment(deps, actor, params.planId, query.asOf),
    );
    register(app, e.publishedAssessment, ({ actor, params }) =>
      publishedAssessment(deps, actor, params.planId),
    );
    register(app, e.publishAssessment, ({ actor, params, body }) =>
      publishAssessment(deps, actor, params.planId, body.asOf),
    );
    register(app, e.exportAssessment, ({ actor, params, query }) =>
      exportAssessment(deps, actor, params.planId, query.asOf),
    );
    register(app, e.leaderEvaluations, ({ actor, params }) => leaderEvaluations(deps, actor, params.planId));
    register(app, e.saveLeaderEvaluation, ({ actor, params, body }) =>
      saveLeaderEvaluation(deps, actor, params.planId, params.unitId, body),
    );
    return Promise.resolve();
  };
}
