import { Id } from '@yaodian/core';
import { z } from 'zod';

/*
 * Shapes the web app needs that @yaodian/core does not define yet; each one is listed with its
 * endpoint in packages/web/NEEDS-SERVER.md. Move them to core when the server adds them.
 */

export const Health = z.object({ status: z.string(), database: z.string(), time: z.string() });

export const Attachment = z.object({
  id: Id,
  reportId: Id,
  fileName: z.string(),
  size: z.int(),
  contentType: z.string(),
  createdAt: z.string(),
});
export const AttachmentList = z.object({ attachments: z.array(Attachment) });

export const UnitGroup = z.object({ id: Id, name: z.string(), memberIds: z.array(Id) });
export const UnitGroupList = z.object({ groups: z.array(UnitGroup) });

export type Health = z.infer<typeof Health>;
export type Attachment = z.infer<typeof Attachment>;
export type UnitGroup = z.infer<typeof UnitGroup>;
