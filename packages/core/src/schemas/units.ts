import { z } from 'zod';
import { Id } from './common.js';

export const UNIT_KINDS = ['department', 'affiliated', 'county', 'facility', 'other'] as const;

export const Unit = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  aliases: z.array(z.string()),
});

export const UnitList = z.object({ units: z.array(Unit) });

export const CreateUnitRequest = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(UNIT_KINDS),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

export type Unit = z.infer<typeof Unit>;
export type UnitKind = (typeof UNIT_KINDS)[number];
