import { Id } from '@yaodian/core';
import { z } from 'zod';

/*
 * Shapes the server answers with that the web app reads before they reach the built @yaodian/core
 * it compiles against; they mirror core's schemas and can be replaced by them.
 */

export const Health = z.object({ status: z.string(), database: z.string(), time: z.string() });

export const Attachment = z.object({
  id: Id,
  reportId: Id,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export const AttachmentList = z.object({ attachments: z.array(Attachment) });

export const UnitGroup = z.object({ id: Id, name: z.string(), unitIds: z.array(Id) });
export const UnitGroupList = z.object({ groups: z.array(UnitGroup) });

export type Health = z.infer<typeof Health>;
export type Attachment = z.infer<typeof Attachment>;
export type UnitGroup = z.infer<typeof UnitGroup>;
