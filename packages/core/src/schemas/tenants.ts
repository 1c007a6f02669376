import { z } from 'zod';
import { Id } from './common.js';
import { CreateUserRequest } from './users.js';

/** The commission tree, top to bottom: 国家 → 省 → 市 → 县. */
export const TENANT_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type TenantLevel = (typeof TENANT_LEVELS)[number];

const Code = z.string().regex(/^[a-z0-9-]{2,64}$/);

/** A commission as the operator creates it (`yaodian tenant add`). */
export const CreateTenantRequest = z.object({
  code: Code,
  name: z.string().trim().min(1).max(100),
  level: z.enum(TENANT_LEVELS).default('city'),
});
export type CreateTenantRequest = z.infer<typeof CreateTenantRequest>;

/** A commission as the platform operator and its parent's administrator see it. */
export const Tenant = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  level: z.enum(TENANT_LEVELS),
  parentId: Id.nullable(),
  active: z.boolean(),
});
export type Tenant = z.infer<typeof Tenant>;

export const TenantList = z.object({ tenants: z.array(Tenant) });

/**
 * A child commission and its first administrator, created by the platform operator through the API
 * (平台管理 → 机构). The parent is a commission of the operator's tree; the level is below the parent's.
 */
export const CreateChildTenantRequest = CreateTenantRequest.extend({
  parentId: Id,
  admin: CreateUserRequest.pick({ username: true, displayName: true, password: true }),
});
export type CreateChildTenantRequest = z.input<typeof CreateChildTenantRequest>;

/** Disabling a commission signs its users out and refuses their sign-in until it is enabled again. */
export const SetTenantActiveRequest = z.object({ active: z.boolean() });
