import { CommentList, CreateCommentRequest, ErrorResponse, IdParams } from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { addComment, commentsOn } from '../../../services/comment-service.js';
import { actorOf } from '../../auth-hook.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function commentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/tasks/:id/comments',
      { schema: { tags: ['comments'], params: IdParams, response: { 200: CommentList, ...errors } } },
      (request) => commentsOn(deps, actorOf(request), { itemId: request.params.id }),
    );
    app.post(
      '/api/tasks/:id/comments',
      {
        schema: {
          tags: ['comments'],
          params: IdParams,
          body: CreateCommentRequest,
          response: { 201: CommentList, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addComment(deps, actorOf(request), { itemId: request.params.id }, request.body.body)),
    );
    app.get(
      '/api/reports/:id/comments',
      { schema: { tags: ['comments'], params: IdParams, response: { 200: CommentList, ...errors } } },
      (request) => commentsOn(deps, actorOf(request), { reportId: request.params.id }),
    );
    app.post(
      '/api/reports/:id/comments',
      {
        schema: {
          tags: ['comments'],
          params: IdParams,
          body: CreateCommentRequest,
          response: { 201: CommentList, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addComment(deps, actorOf(request), { reportId: request.params.id }, request.body.body)),
    );
    return Promise.resolve();
  };
}
