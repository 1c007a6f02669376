import { ErrorResponse } from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../services/deps.js';
import { verifyAuditLog } from '../../../services/audit-chain-service.js';
import { readAudit } from '../../../services/audit-service.js';
import { actorOf } from '../../auth-hook.js';

const AuditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The previous page's `nextBefore`. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const Verification = z.object({
  ok: z.boolean(),
  checked: z.number(),
  lastSealedSeq: z.number(),
  unsealed: z.number(),
  algorithms: z.array(z.enum(['sha256', 'sm3'])),
  firstBroken: z
    .object({
      seq: z.number(),
      entryId: z.number(),
      reason: z.enum(['entry_missing', 'entry_changed', 'chain_broken']),
    })
    .nullable(),
});
const AuditList = z.object({
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().nullable(),
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
      (request) => {
        const { from, to, ...rest } = request.query;
        return readAudit(deps, actorOf(request), {
          ...rest,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
        });
      },
    );
    app.get(
      '/api/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: "Checks the commission's audit hash chain and names the first broken link",
          response: { 200: Verification, 403: ErrorResponse },
        },
      },
      (request) => verifyAuditLog(deps, actorOf(request)),
    );
    return Promise.resolve();
  };
}
