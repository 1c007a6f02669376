import { ErrorResponse, PlanParams, PlanSummaryReport } from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../services/deps.js';
import { exportPlanWorkbook } from '../../../services/export-service.js';
import { planSummary } from '../../../services/summary-service.js';
import { actorOf } from '../../auth-hook.js';

export function planReportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/plans/:planId/summary',
      {
        schema: {
          tags: ['summary'],
          params: PlanParams,
          response: { 200: PlanSummaryReport, 404: ErrorResponse },
        },
      },
      (request) => planSummary(deps, actorOf(request), request.params.planId),
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
    return Promise.resolve();
  };
}
