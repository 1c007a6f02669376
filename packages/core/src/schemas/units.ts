import { z } from 'zod';
import { Id } from './common.js';

export const UNIT_KINDS = ['department', 'affiliated', 'county', 'facility', 'other'] as const;

export const Unit = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  aliases: z.array(z.string()),
  /** The child commission this unit (a county bureau) stands for; null for a unit of the commission itself. */
  linkedTenantId: Id.nullable(),
});

export const UnitList = z.object({ units: z.array(Unit) });

export const CreateUnitRequest = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(UNIT_KINDS),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

export type Unit = z.infer<typeof Unit>;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UnitGroup = z.object({ id: z.uuid(), name: z.string(), unitIds: z.array(z.uuid()) });
export const UnitGroupList = z.object({ groups: z.array(UnitGroup) });
/** Creates the group or replaces its members (collective names such as 各县市区卫生健康局). */
export const PutUnitGroupRequest = z.object({
  name: z.string().trim().min(1).max(100),
  unitIds: z.array(z.uuid()).max(500),
});

/** `aliases`, when given, replaces the list. */
export const UpdateUnitRequest = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  /** Links the unit to a direct child commission (the county it stands for), or null to unlink. */
  linkedTenantId: Id.nullable().optional(),
});
