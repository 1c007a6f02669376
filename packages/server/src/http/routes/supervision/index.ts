import { supervisionEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  closeSupervision,
  escalateSupervision,
  issueSupervision,
  listSupervision,
  planSupervisionRules,
  respondSupervision,
  setPlanSupervisionRules,
  signSupervision,
  supervisionDetail,
  supervisionDocument,
} from '../../../services/supervision-service.js';
import { idempotencyKeyOf, register } from '../../register.js';

export function supervisionRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.supervisionNotices, ({ actor, query }) => listSupervision(deps, actor, query));
    register(app, e.supervisionNotice, ({ actor, params }) => supervisionDetail(deps, actor, params.id));
    register(app, e.supervisionDocument, ({ actor, params }) => supervisionDocument(deps, actor, params.id));
    register(app, e.issueSupervision, async ({ actor, body, request, reply }) => {
      const result = await issueSupervision(deps, actor, body, idempotencyKeyOf(request));
      void reply.status(result.created ? 201 : 200);
      return { notice: result.notice };
    });
    register(app, e.signSupervision, ({ actor, params, body }) =>
      signSupervision(deps, actor, params.id, body.version),
    );
    register(app, e.respondSupervision, ({ actor, params, body }) =>
      respondSupervision(deps, actor, params.id, body.version, body.response),
    );
    register(app, e.closeSupervision, ({ actor, params, body }) =>
      closeSupervision(deps, actor, params.id, body.version, body.note),
    );
    register(app, e.escalateSupervision, ({ actor, params, body }) =>
      escalateSupervision(deps, actor, params.id, body.version, body.reason),
    );
    register(app, e.planSupervisionRules, ({ actor, params }) =>
      planSupervisionRules(deps, actor, params.planId),
    );
    register(app, e.updatePlanSupervisionRules, ({ actor, params, body }) =>
      setPlanSupervisionRules(deps, actor, params.planId, body),
    );
    return Promise.resolve();
  };
}
