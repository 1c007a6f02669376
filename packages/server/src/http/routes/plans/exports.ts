import { planEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { exportBulletin } from '../../../services/bulletin-service.js';
import { exportPlanWorkbook } from '../../../services/export-service.js';
import { targetAttainment } from '../../../services/attainment-service.js';
import { planDocument, planText } from '../../../services/plan-source-service.js';
import { planSummaryIfChanged } from '../../../services/summary-service.js';
import { register } from '../../register.js';

export function planReportRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.planSummary, async ({ actor, params, request, reply }) => {
      const { etag, summary } = await planSummaryIfChanged(
        deps,
        actor,
        params.planId,
        request.headers['if-none-match'],
      );
      // Revalidated on every use: an unchanged plan answers 304 without computing the figures.
      if (etag) void reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (!summary) return reply.code(304).send();
      return summary;
    });
    register(app, e.exportXlsx, ({ actor, params }) => exportPlanWorkbook(deps, actor, params.planId));
    register(app, e.bulletin, ({ actor, params, query }) =>
      exportBulletin(deps, actor, params.planId, query),
    );
    register(app, e.attainment, ({ actor, params }) => targetAttainment(deps, actor, params.planId));
    register(app, e.planText, ({ actor, params }) => planText(deps, actor, params.planId));
    register(app, e.planSource, ({ actor, params }) => planDocument(deps, actor, params.planId));
    return Promise.resolve();
  };
}
