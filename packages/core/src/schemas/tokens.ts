import { z } from 'zod';
import { Id } from './common.js';

/**
 * API tokens (issue 10, part 4): how another system (a 全民健康信息平台) calls the API. A scope names what the
 * token may call; the unit (if any) narrows it to one unit's values.
 */
export const TOKEN_SCOPES = ['values:write', 'plans:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  unitId: Id.nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** The first characters of the secret, to tell tokens apart; never enough to use one. */
  prefix: z.string(),
});

export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });

export const CreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  unitId: Id.nullable().optional(),
  /** Days until it stops working (1–730); absent: one year. */
  expiresInDays: z.int().min(1).max(730).optional(),
});

/** The created token with its secret: shown once, stored only as a hash. */
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });

export type ApiTokenDto = z.infer<typeof ApiToken>;
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
