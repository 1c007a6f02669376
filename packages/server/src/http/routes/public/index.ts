import { publicEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { etagMatches } from '../../../services/etag.js';
import { publicPlan, setPlanPublic } from '../../../services/public-service.js';
import { register } from '../../register.js';

export function publicRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.setPlanPublic, ({ actor, params, body }) =>
      setPlanPublic(deps, actor, params.planId, body.public),
    );
    register(app, e.publicPlan, async ({ params, request, reply }) => {
      const { page, etag } = await publicPlan(deps, params.publicId);
      // The same for everyone: a shared cache may keep it a minute, then revalidate by ETag.
      void reply.header('etag', etag).header('cache-control', 'public, max-age=60, must-revalidate');
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return page;
    });
    return Promise.resolve();
  };
}
