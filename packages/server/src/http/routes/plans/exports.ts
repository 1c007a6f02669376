import {
  ErrorResponse,
  NotModified,
  PlanParams,
  PlanSummaryReport,
  PlanText,
  TargetAttainment,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { exportPlanWorkbook } from '../../../services/export-service.js';
import { targetAttainment } from '../../../services/attainment-service.js';
import { planDocument, planText } from '../../../services/plan-source-service.js';
import { planSummaryIfChanged } from '../../../services/summary-service.js';
import { actorOf } from '../../auth-hook.js';

export function planReportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/plans/:planId/summary',
      {
        schema: {
          tags: ['summary'],
          params: PlanParams,
          response: { 200: PlanSummaryReport, 304: NotModified, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { etag, summary } = await planSummaryIfChanged(
          deps,
          actorOf(request),
          request.params.planId,
          request.headers['if-none-match'],
        );
        // Revalidated on every use: an unchanged plan answers 304 without computing the figures.
        if (etag) void reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (!summary) return reply.code(304).send(null);
        return summary;
      },
    );
    app.get(
      '/api/plans/:planId/export.xlsx',
      {
        schema: {
          tags: ['export'],
          summary: 'The plan’s 推进表 as .xlsx',
          params: PlanParams,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const { fileName, bytes } = await exportPlanWorkbook(deps, actorOf(request), request.params.planId);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="plan.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(bytes);
      },
    );
    app.get(
      '/api/plans/:planId/attainment',
      {
        schema: {
          tags: ['summary'],
          summary: 'Target attainment over periods',
          params: PlanParams,
          response: { 200: TargetAttainment, 404: ErrorResponse },
        },
      },
      (request) => targetAttainment(deps, actorOf(request), request.params.planId),
    );
    app.get(
      '/api/plans/:planId/text',
      {
        schema: {
          tags: ['plans'],
          summary: 'The cleaned text that item and target source spans point into',
          params: PlanParams,
          response: { 200: PlanText, 404: ErrorResponse },
        },
      },
      (request) => planText(deps, actorOf(request), request.params.planId),
    );
    app.get(
      '/api/plans/:planId/source',
      {
        schema: {
          tags: ['plans'],
          summary: 'The document as uploaded',
          params: PlanParams,
          produces: ['application/octet-stream'],
        },
      },
      async (request, reply) => {
        const { fileName, bytes } = await planDocument(deps, actorOf(request), request.params.planId);
        return reply
          .header('content-type', 'application/octet-stream')
          .header(
            'content-disposition',
            `attachment; filename="plan"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(bytes);
      },
    );
    return Promise.resolve();
  };
}
