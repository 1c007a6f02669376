import { commentEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import { addComment, commentsOn } from '../../../services/comment-service.js';
import type { Deps } from '../../../services/deps.js';
import { register } from '../../register.js';

export function commentRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.comments, ({ actor, params }) => commentsOn(deps, actor, { itemId: params.id }));
    register(app, e.addComment, ({ actor, params, body }) =>
      addComment(deps, actor, { itemId: params.id }, body.body),
    );
    register(app, e.reportComments, ({ actor, params }) => commentsOn(deps, actor, { reportId: params.id }));
    register(app, e.addReportComment, ({ actor, params, body }) =>
      addComment(deps, actor, { reportId: params.id }, body.body),
    );
    return Promise.resolve();
  };
}
