import { z } from 'zod';

export const AuditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  /** The acting user's user name (the page's filter; exact match). */
  actor: z.string().trim().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The previous page's `nextBefore`. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  /** The acting user's name and user name as they are now; null for the system or a failed sign-in. */
  actorName: z.string().nullable().optional(),
  actorUsername: z.string().nullable().optional(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const AuditList = z.object({
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().nullable(),
  entries: z.array(AuditEntry),
});

/** The audit hash chain's check: the first broken link, if any. */
export const AuditVerification = z.object({
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

export type AuditEntry = z.infer<typeof AuditEntry>;
