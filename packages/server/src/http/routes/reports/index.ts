import { reportEndpoints as e } from '@yaodian/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../../services/deps.js';
import {
  acceptReport,
  acceptReports,
  createReport,
  findReports,
  getReport,
  returnReport,
  submitReport,
  updateReport,
} from '../../../services/report-service.js';
import { idempotencyKeyOf, register } from '../../register.js';

export function reportRoutes(deps: Deps): FastifyPluginAsync {
  return (app) => {
    register(app, e.reports, ({ actor, query }) => findReports(deps, actor, query));
    register(app, e.report, async ({ actor, params }) => ({
      report: await getReport(deps, actor, params.id),
    }));
    register(app, e.createReport, async ({ actor, body, request, reply }) => {
      const result = await createReport(deps, actor, body, idempotencyKeyOf(request));
      void reply.status(result.created ? 201 : 200);
      return { report: result.report };
    });
    register(app, e.updateReport, async ({ actor, params, body }) => ({
      report: await updateReport(deps, actor, params.id, body),
    }));
    register(app, e.submitReport, async ({ actor, params, body, request }) => ({
      report: await submitReport(deps, actor, params.id, body.version, idempotencyKeyOf(request)),
    }));
    register(app, e.returnReport, async ({ actor, params, body }) => ({
      report: await returnReport(deps, actor, params.id, body.version, body.reason, body.noSubstance),
    }));
    register(app, e.acceptReport, async ({ actor, params, body }) => ({
      report: await acceptReport(deps, actor, params.id, body.version),
    }));
    register(app, e.acceptReports, ({ actor, body }) => acceptReports(deps, actor, body.reports));
    return Promise.resolve();
  };
}
