import { z } from 'zod';

export const AuditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const AuditList = z.object({ entries: z.array(AuditEntry) });

export type AuditEntry = z.infer<typeof AuditEntry>;
