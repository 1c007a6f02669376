import { z } from 'zod';

export const TENANT_LEVELS = ['province', 'city', 'county'] as const;

/** A commission as the operator creates it (`yaodian tenant add`). */
export const CreateTenantRequest = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: z.string().trim().min(1).max(100),
  level: z.enum(TENANT_LEVELS).default('city'),
});
export type CreateTenantRequest = z.infer<typeof CreateTenantRequest>;
