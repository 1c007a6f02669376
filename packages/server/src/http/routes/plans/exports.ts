import { planEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import { exportPlanWorkbook } from '../../../services/export-service.js';
import { targetAttainment } from '../../../services/attainment-service.js';
import { planDocument, planText } from '../../../services/plan-source-service.js';
import { planSummary } from '../../../services/summary-service.js';
import { register } from '../../register.js';

export function planReportRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.planSummary, ({ actor, params }) => planSummary(deps, actor, params.planId));
    register(app, e.exportXlsx, ({ actor, params }) => exportPlanWorkbook(deps, actor, params.planId));
    register(app, e.attainment, ({ actor, params }) => targetAttainment(deps, actor, params.planId));
    register(app, e.planText, ({ actor, params }) => planText(deps, actor, params.planId));
    register(app, e.planSource, ({ actor, params }) => planDocument(deps, actor, params.planId));
    return Promise.resolve();
  };
}
