import { valueEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import {
  previewValues,
  pushValues,
  uploadValues,
  valueTemplate,
} from '../../../services/bulk-value-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function valueRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.valuesTemplate, ({ actor, params }) =>
      valueTemplate(deps, actor, params.planId, params.periodId),
    );
    register(app, e.previewValues, ({ actor, params, body }) =>
      previewValues(deps, actor, params.planId, params.periodId, body),
    );
    register(app, e.uploadValues, async ({ actor, params, body, reply }) => {
      const result = await uploadValues(deps, actor, params.planId, params.periodId, body);
      void reply.status(result.created > 0 ? 201 : 200);
      return result;
    });
    register(app, e.pushValues, async ({ actor, body, request, reply }) => {
      const key = request.headers['idempotency-key'];
      const result = await pushValues(deps, actor, body, typeof key === 'string' ? key : null, {
        tokenId: request.session?.tokenId ?? null,
      });
      void reply.status(result.created > 0 ? 201 : 200);
      return result;
    });
    return Promise.resolve();
  };
}
