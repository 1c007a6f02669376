import { ErrorResponse } from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../services/deps.js';
import { readAudit } from '../../../services/audit-service.js';
import { actorOf } from '../../auth-hook.js';

const AuditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const AuditList = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorId: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first (read-only)',
          querystring: AuditQuery,
          response: { 200: AuditList, 403: ErrorResponse },
        },
      },
      (request) => readAudit(deps, actorOf(request), request.query),
    );
    return Promise.resolve();
  };
}
