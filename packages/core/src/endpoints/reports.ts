import { z } from 'zod';
import { IdParams } from '../schemas/common.js';
import {
  AcceptReportRequest,
  Attachment,
  AttachmentList,
  CreateReportRequest,
  ReportList,
  ReportQuery,
  ReportResponse,
  ReturnReportRequest,
  SubmitReportRequest,
  UpdateReportRequest,
} from '../schemas/reports.js';
import { endpoint } from './define.js';

/** A retried write with the same key returns the first result. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });

const errors = [400, 403, 404, 409] as const;

export const reportEndpoints = {
  reports: endpoint({
    name: 'reports',
    method: 'GET',
    path: '/api/reports',
    tag: 'reports',
    permission: 'report.read',
    query: ReportQuery,
    response: ReportList,
  }),
  report: endpoint({
    name: 'report',
    method: 'GET',
    path: '/api/reports/:id',
    tag: 'reports',
    permission: 'report.read',
    params: IdParams,
    response: ReportResponse,
    errors: [404],
  }),
  createReport: endpoint({
    name: 'createReport',
    method: 'POST',
    path: '/api/reports',
    tag: 'reports',
    summary:
      'Create a draft (or submit at once with submit: true); a retry with the same Idempotency-Key returns the first result',
    permission: 'report.write',
    headers: IdempotencyHeaders,
    body: CreateReportRequest,
    response: ReportResponse,
    status: 201,
    alsoAnswers: [200],
    errors,
  }),
  updateReport: endpoint({
    name: 'updateReport',
    method: 'PATCH',
    path: '/api/reports/:id',
    tag: 'reports',
    permission: 'report.write',
    params: IdParams,
    body: UpdateReportRequest,
    response: ReportResponse,
    errors,
  }),
  submitReport: endpoint({
    name: 'submitReport',
    method: 'POST',
    path: '/api/reports/:id/submit',
    tag: 'reports',
    permission: 'report.write',
    params: IdParams,
    headers: IdempotencyHeaders,
    body: SubmitReportRequest,
    response: ReportResponse,
    errors,
  }),
  returnReport: endpoint({
    name: 'returnReport',
    method: 'POST',
    path: '/api/reports/:id/return',
    tag: 'reports',
    permission: 'report.review',
    params: IdParams,
    body: ReturnReportRequest,
    response: ReportResponse,
    errors,
  }),
  acceptReport: endpoint({
    name: 'acceptReport',
    method: 'POST',
    path: '/api/reports/:id/accept',
    tag: 'reports',
    permission: 'report.review',
    params: IdParams,
    body: AcceptReportRequest,
    response: ReportResponse,
    errors,
  }),
} as const;

export const attachmentEndpoints = {
  attachments: endpoint({
    name: 'attachments',
    method: 'GET',
    path: '/api/reports/:id/attachments',
    tag: 'reports',
    permission: 'report.read',
    params: IdParams,
    response: AttachmentList,
    errors: [404],
  }),
  uploadAttachment: endpoint({
    name: 'uploadAttachment',
    method: 'POST',
    path: '/api/reports/:id/attachments',
    tag: 'reports',
    summary: 'Attach evidence (multipart field "file"; PDF, PNG, JPEG, Word, Excel by content)',
    permission: 'report.write',
    params: IdParams,
    body: 'multipart',
    response: Attachment,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415],
  }),
  downloadAttachment: endpoint({
    name: 'downloadAttachment',
    method: 'GET',
    path: '/api/attachments/:id',
    tag: 'reports',
    summary: 'Download an attachment',
    permission: 'report.read',
    params: IdParams,
    response: 'file',
    file: { produces: ['application/octet-stream'], fallbackName: 'file' },
  }),
} as const;
