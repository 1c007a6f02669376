import {
  AcceptReportRequest,
  AcceptReportsRequest,
  CreateReportRequest,
  ErrorResponse,
  IdParams,
  ReportList,
  ReportQuery,
  ReportResponse,
  ReturnReportRequest,
  SubmitReportRequest,
  UpdateReportRequest,
} from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
import { actorOf } from '../../auth-hook.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });

export function reportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/reports',
      { schema: { tags: ['reports'], querystring: ReportQuery, response: { 200: ReportList } } },
      (request) => findReports(deps, actorOf(request), request.query),
    );
    app.get(
      '/api/reports/:id',
      {
        schema: {
          tags: ['reports'],
          params: IdParams,
          response: { 200: ReportResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({
        report: await getReport(deps, actorOf(request), request.params.id),
      }),
    );
    app.post(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          summary:
            'Create a draft (or submit at once with submit: true); a retry with the same Idempotency-Key returns the first result',
          headers: IdempotencyHeaders,
          body: CreateReportRequest,
          response: { 200: ReportResponse, 201: ReportResponse, ...errors },
        },
      },
      async (request, reply) => {
        const result = await createReport(
          deps,
          actorOf(request),
          request.body,
          request.headers['idempotency-key'] ?? null,
        );
        return reply.status(result.created ? 201 : 200).send({ report: result.report });
      },
    );
    app.patch(
      '/api/reports/:id',
      {
        schema: {
          tags: ['reports'],
          params: IdParams,
          body: UpdateReportRequest,
          response: { 200: ReportResponse, ...errors },
        },
      },
      async (request) => ({
        report: await updateReport(deps, actorOf(request), request.params.id, request.body),
      }),
    );
    app.post(
      '/api/reports/:id/submit',
      {
        schema: {
          tags: ['reports'],
          params: IdParams,
          headers: IdempotencyHeaders,
          body: SubmitReportRequest,
          response: { 200: ReportResponse, ...errors },
        },
      },
      async (request) => ({
        report: await submitReport(
          deps,
          actorOf(request),
          request.params.id,
          request.body.version,
          request.headers['idempotency-key'] ?? null,
        ),
      }),
    );
    app.post(
      '/api/reports/:id/return',
      {
        schema: {
          tags: ['reports'],
          params: IdParams,
          body: ReturnReportRequest,
          response: { 200: ReportResponse, ...errors },
        },
      },
      async (request) => ({
        report: await returnReport(
          deps,
          actorOf(request),
          request.params.id,
          request.body.version,
          request.body.reason,
        ),
      }),
    );
    app.post(
      '/api/reports/:id/accept',
      {
        schema: {
          tags: ['reports'],
          params: IdParams,
          body: AcceptReportRequest,
          response: { 200: ReportResponse, ...errors },
        },
      },
      async (request) => ({
        report: await acceptReport(deps, actorOf(request), request.params.id, request.body.version),
      }),
    );
    app.post(
      '/api/reports/accept-batch',
      {
        schema: {
          tags: ['reports'],
          summary:
            'Accept several submitted reports in one transaction: all or nothing; 409 lists the reports whose version or state changed',
          body: AcceptReportsRequest,
          response: { 200: ReportList, ...errors },
        },
      },
      (request) => acceptReports(deps, actorOf(request), request.body.reports),
    );
    return Promise.resolve();
  };
}
