import { BulkPreview, BulkResult, PushValuesRequest, ValuesParams } from '../schemas/values.js';
import { IdempotencyHeaders } from './reports.js';
import { endpoint } from './define.js';

/** Values in bulk: a sheet per period (template, preview, commit) and a push for other systems. */
export const valueEndpoints = {
  valuesTemplate: endpoint({
    name: 'valuesTemplate',
    method: 'GET',
    path: '/api/plans/:planId/periods/:periodId/values.xlsx',
    tag: 'values',
    summary:
      'The period’s value sheet: the tasks and targets the caller’s units report, ids in hidden columns',
    permission: 'report.write',
    params: ValuesParams,
    response: 'file',
    file: {
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      fallbackName: 'values.xlsx',
    },
    errors: [403, 404],
  }),
  previewValues: endpoint({
    name: 'previewValues',
    method: 'POST',
    path: '/api/plans/:planId/periods/:periodId/values/preview',
    tag: 'values',
    summary: 'What an uploaded .xlsx or .csv would change, row by row (nothing is written)',
    permission: 'report.write',
    params: ValuesParams,
    body: 'multipart',
    response: BulkPreview,
    errors: [400, 403, 404, 413],
  }),
  uploadValues: endpoint({
    name: 'uploadValues',
    method: 'POST',
    path: '/api/plans/:planId/periods/:periodId/values',
    tag: 'values',
    summary:
      'Writes an uploaded sheet: every row in one transaction or none; the same file again is a replay',
    permission: 'report.write',
    params: ValuesParams,
    body: 'multipart',
    response: BulkResult,
    status: 201,
    alsoAnswers: [200],
    errors: [400, 403, 404, 409, 413],
  }),
  pushValues: endpoint({
    name: 'pushValues',
    method: 'POST',
    path: '/api/values',
    tag: 'values',
    summary: 'Another system pushes values (Bearer token with values:write); all or nothing, Idempotency-Key',
    permission: 'report.write',
    body: PushValuesRequest,
    headers: IdempotencyHeaders,
    response: BulkResult,
    status: 201,
    alsoAnswers: [200],
    errors: [400, 403, 404, 409],
  }),
} as const;
