import { z } from 'zod';
import { Id } from './common.js';

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;

export const Actual = z.object({
  targetId: Id,
  value: z.number(),
  note: z.string().max(500).default(''),
});

export const Report = z.object({
  id: Id,
  itemId: Id,
  unitId: Id,
  periodId: Id,
  percent: z.int(),
  narrative: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  state: z.enum(REPORT_STATES),
  returnReason: z.string().nullable(),
  /** When a reviewer returned it as without substance (无实质内容); kept after resubmission. */
  noSubstanceAt: z.string().nullable(),
  version: z.int(),
  actuals: z.array(z.object({ targetId: Id, value: z.number(), note: z.string() })),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ReportList = z.object({ reports: z.array(Report) });
export const ReportResponse = z.object({ report: Report });

/** The longest 进展情况 / 存在问题 / 下步打算 the server keeps, in characters; the form checks it before sending. */
export const REPORT_TEXT_MAX = 10_000;

/** The fields of a report as its unit writes them. */
export const ReportFields = z.object({
  percent: z.int().min(0).max(100),
  narrative: z.string().max(REPORT_TEXT_MAX).default(''),
  problems: z.string().max(REPORT_TEXT_MAX).default(''),
  nextSteps: z.string().max(REPORT_TEXT_MAX).default(''),
  actuals: z.array(Actual).max(50).default([]),
});

export const CreateReportRequest = ReportFields.extend({
  itemId: Id,
  unitId: Id,
  periodId: Id,
  /** Create and submit in one step (send an Idempotency-Key header so a retry never duplicates). */
  submit: z.boolean().default(false),
});

export const UpdateReportRequest = ReportFields.partial().extend({ version: z.int().min(1) });
export const SubmitReportRequest = z.object({ version: z.int().min(1) });
export const ReturnReportRequest = z.object({
  version: z.int().min(1),
  reason: z.string().trim().min(1).max(2000),
  /** Returned as without substance (无实质内容): the annual assessment deducts for it. */
  noSubstance: z.boolean().default(false),
});
export const AcceptReportRequest = z.object({ version: z.int().min(1) });
/** Accept several at once: all or nothing, each at the version the reviewer saw. */
export const AcceptReportsRequest = z.object({
  reports: z
    .array(z.object({ id: Id, version: z.int().min(1) }))
    .min(1)
    .max(100),
});

/** The body of a 409 `duplicate` on creating a report: the report that already exists for that task × unit × period. */
export function existingReportIdOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('reportId' in details)) return null;
  const id = details.reportId;
  return typeof id === 'string' ? id : null;
}

export const ReportQuery = z.object({
  itemId: Id.optional(),
  unitId: Id.optional(),
  periodId: Id.optional(),
  state: z.enum(REPORT_STATES).optional(),
});

export type ReportState = (typeof REPORT_STATES)[number];
export type ReportDto = z.infer<typeof Report>;

export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
] as const;

/** Evidence (佐证材料) attached to a report; the type is read from the content, not the name. */
export const Attachment = z.object({
  id: Id,
  reportId: Id,
  fileName: z.string(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const AttachmentList = z.object({ attachments: z.array(Attachment) });
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
