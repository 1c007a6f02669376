import {
  Attachment as AttachmentSchema,
  AttachmentList as AttachmentListSchema,
  UnitGroup as UnitGroupSchema,
  UnitGroupList as UnitGroupListSchema,
} from '@yaodian/core';
import type { z } from 'zod';

/*
 * Shapes this app once mirrored before core described them; they now come from the shared contract
 * and stay exported here, with their types, for the screens that import them from this file.
 */
export { Health } from '@yaodian/core';
export const Attachment = AttachmentSchema;
export const AttachmentList = AttachmentListSchema;
export const UnitGroup = UnitGroupSchema;
export const UnitGroupList = UnitGroupListSchema;

export type Attachment = z.infer<typeof Attachment>;
export type UnitGroup = z.infer<typeof UnitGroup>;
