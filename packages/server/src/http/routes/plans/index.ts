import {
  ArchivePlanRequest,
  CreateUnmatchedUnitRequest,
  ErrorResponse,
  NotModified,
  PlanDetail,
  PlanList,
  PlanParams,
  PublishCheck,
  PublishPlanRequest,
  ResolveUnmatchedRequest,
  UpdatePlanRequest,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors/app-error.js';
import type { Deps } from '../../../services/deps.js';
import {
  archivePlan,
  checkPublish,
  importPlan,
  listVisiblePlans,
  publishPlan,
  rematchUnits,
  updatePlan,
} from '../../../services/plan-service.js';
import { planTreeIfChanged } from '../../../services/plan-tree-service.js';
import { createForUnmatched, resolveUnmatched } from '../../../services/unmatched-service.js';
import { actorOf } from '../../auth-hook.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function planRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get('/api/plans', { schema: { tags: ['plans'], response: { 200: PlanList } } }, (request) =>
      listVisiblePlans(deps, actorOf(request)),
    );

    app.post(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'Import a plan document (multipart field "file") as a draft',
          consumes: ['multipart/form-data'],
          response: { 201: PlanDetail, ...errors, 413: ErrorResponse },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!request.isMultipart())
          throw new AppError('validation_failed', 'Send the document as multipart/form-data', {
            field: 'file',
          });
        const file = await request.file();
        if (file?.fieldname !== 'file')
          throw new AppError('validation_failed', 'Attach the document in the "file" field', {
            field: 'file',
          });
        const bytes = await file.toBuffer();
        const plan = await importPlan(deps, actor, { fileName: file.filename, bytes });
        return reply.status(201).send(plan);
      },
    );

    app.get(
      '/api/plans/:planId',
      {
        schema: {
          tags: ['plans'],
          params: PlanParams,
          response: { 200: PlanDetail, 304: NotModified, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { etag, plan } = await planTreeIfChanged(
          deps,
          actorOf(request),
          request.params.planId,
          request.headers['if-none-match'],
        );
        // Revalidated on every use: an unchanged plan answers 304 without reading its items.
        void reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (!plan) return reply.code(304).send(null);
        return plan;
      },
    );

    app.patch(
      '/api/plans/:planId',
      {
        schema: {
          tags: ['plans'],
          params: PlanParams,
          body: UpdatePlanRequest,
          response: { 200: PlanDetail, ...errors },
        },
      },
      (request) => updatePlan(deps, actorOf(request), request.params.planId, request.body),
    );

    app.post(
      '/api/plans/:planId/publish',
      {
        schema: {
          tags: ['plans'],
          params: PlanParams,
          body: PublishPlanRequest,
          response: { 200: PlanDetail, ...errors },
        },
      },
      (request) =>
        publishPlan(
          deps,
          actorOf(request),
          request.params.planId,
          request.body.version,
          request.body.waivers,
        ),
    );

    app.get(
      '/api/plans/:planId/publish-check',
      {
        schema: {
          tags: ['plans'],
          summary: 'What publishing would carry over unsettled: the findings a publish must settle or waive',
          params: PlanParams,
          response: { 200: PublishCheck, ...errors },
        },
      },
      (request) => checkPublish(deps, actorOf(request), request.params.planId),
    );

    app.post(
      '/api/plans/:planId/archive',
      {
        schema: {
          tags: ['plans'],
          params: PlanParams,
          body: ArchivePlanRequest,
          response: { 200: PlanDetail, ...errors },
        },
      },
      (request) => archivePlan(deps, actorOf(request), request.params.planId, request.body.version),
    );

    app.post(
      '/api/plans/:planId/unmatched/resolve',
      {
        schema: {
          tags: ['plans'],
          summary: 'Map a printed unit name to a unit (as its alias) and re-match',
          params: PlanParams,
          body: ResolveUnmatchedRequest,
          response: { 200: PlanDetail, ...errors },
        },
      },
      (request) => resolveUnmatched(deps, actorOf(request), request.params.planId, request.body),
    );

    app.post(
      '/api/plans/:planId/unmatched/create',
      {
        schema: {
          tags: ['plans'],
          summary: 'Create the unit a printed name stands for and re-match',
          params: PlanParams,
          body: CreateUnmatchedUnitRequest,
          response: { 201: PlanDetail, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createForUnmatched(deps, actorOf(request), request.params.planId, request.body)),
    );

    app.post(
      '/api/plans/:planId/rematch',
      {
        schema: {
          tags: ['plans'],
          summary: 'Match unmatched unit names again after adding units or aliases',
          params: PlanParams,
          response: { 200: PlanDetail, ...errors },
        },
      },
      (request) => rematchUnits(deps, actorOf(request), request.params.planId),
    );
    return Promise.resolve();
  };
}
