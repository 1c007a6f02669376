import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type {
  ApiTokenDto,
  CreateApiTokenRequest,
  CreatedApiToken,
  EndpointName,
  TokenScope,
} from '@yaodian/core';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTokens } from '../policies/tokens.js';
import { presentToken } from '../presenters/token-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  findToken,
  insertToken,
  listTokens,
  recordTokenUse,
  revokeToken as revokeTokenRow,
} from '../repositories/token-repository.js';
import { findUnitsByIds, listUnits } from '../repositories/unit-repository.js';
import type { Deps } from './deps.js';

/*
 * API tokens (issue 10, part 4; docs/SECURITY.md, "API tokens"). The secret is `ydt.<tenant>.<token id>.<43
 * random base64url characters>` (256 random bits): naming the tenant and the token lets a request's lookup
 * read one tenant's row, and only the sha-256 of the whole secret is stored, compared in constant time.
 */

const SECRET = /^ydt\.([0-9a-f-]{36})\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;
const DEFAULT_DAYS = 365;
const DAY_MS = 86_400_000;

/** What each scope lets a token call: nothing else, whatever the role behind it could. */
export const SCOPE_ENDPOINTS: Readonly<Record<TokenScope, readonly EndpointName[]>> = {
  'values:write': ['pushValues', 'valuesTemplate', 'previewValues', 'uploadValues'],
  'plans:read': ['plans', 'plan', 'periods'],
};

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

function audit(deps: Deps, actor: Actor, action: string, token: ApiTokenDto) {
  return {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action,
    entity: 'api_token',
    entityId: token.id,
    after: { name: token.name, scopes: token.scopes, unitId: token.unitId, expiresAt: token.expiresAt },
    at: deps.clock.now(),
  };
}

export async function findTokens(deps: Deps, actor: Actor): Promise<{ tokens: ApiTokenDto[] }> {
  authorizeTokens(actor);
  return { tokens: (await listTokens(deps.db, actor.tenantId)).map(presentToken) };
}

export async function createToken(
  deps: Deps,
  actor: Actor,
  input: CreateApiTokenRequest,
): Promise<CreatedApiToken> {
  authorizeTokens(actor);
  const unitId = input.unitId ?? null;
  if (unitId && (await findUnitsByIds(deps.db, actor.tenantId, [unitId])).length === 0)
    throw new AppError('validation_failed', '没有这个单位', { field: 'unitId' });
  const id = randomUUID();
  const secret = `ydt.${actor.tenantId}.${id}.${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertToken(trx, {
      tenant_id: actor.tenantId,
      id,
      name: input.name,
      token_hash: hashOf(secret),
      prefix: `${secret.slice(0, 4)}…${secret.slice(-4)}`,
      scopes: [...new Set(input.scopes)],
      unit_id: unitId,
      expires_at: new Date(now.getTime() + (input.expiresInDays ?? DEFAULT_DAYS) * DAY_MS),
      created_by: actor.userId,
      created_at: now,
      revoked_at: null,
      revoked_by: null,
      last_used_at: null,
    });
    const token = presentToken(row);
    await appendAudit(trx, audit(deps, actor, 'token.create', token));
    return { token, secret };
  });
}

export async function revokeToken(deps: Deps, actor: Actor, tokenId: string): Promise<ApiTokenDto> {
  authorizeTokens(actor);
  return deps.db.transaction().execute(async (trx) => {
    const revoked = await revokeTokenRow(trx, actor.tenantId, tokenId, actor.userId, deps.clock.now());
    if (!revoked) {
      const current = await findToken(trx, actor.tenantId, tokenId);
      if (!current) throw notFound('token');
      return presentToken(current); // Revoking twice is the same as once.
    }
    const token = presentToken(revoked);
    await appendAudit(trx, audit(deps, actor, 'token.revoke', token));
    return token;
  });
}

const REFUSED = '令牌无效、已吊销或已过期';

/**
 * The actor a Bearer token acts as, for one endpoint: refused (401) unless the secret matches a live token,
 * and (403) unless one of its scopes names the endpoint. The actor is the role the scope needs (a reporter
 * for values:write, a viewer for plans:read) for the token's unit, or every unit of its commission; every
 * policy then decides as for a user. Each use is audited and its time recorded.
 */
export async function authenticateToken(
  deps: Deps,
  secret: string,
  endpoint: EndpointName | undefined,
  detail: { method: string; route: string; ip: string },
): Promise<{ actor: Actor; tokenId: string }> {
  const parts = SECRET.exec(secret);
  if (!parts?.[1] || !parts[2]) throw new AppError('unauthenticated', REFUSED);
  const [tenantId, tokenId] = [parts[1], parts[2]];
  const row = await findToken(deps.db, tenantId, tokenId);
  const given = Buffer.from(hashOf(secret), 'hex');
  const stored = Buffer.from(row?.token_hash ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(given, stored) && row !== undefined;
  const now = deps.clock.now();
  if (!row || !matches) throw new AppError('unauthenticated', REFUSED);
  const refusal = (action: string, why: string) =>
    appendAudit(deps.db, {
      tenantId,
      actorId: null,
      action,
      entity: 'api_token',
      entityId: tokenId,
      after: { ...detail, why },
      at: now,
    });
  if (row.revoked_at || row.expires_at <= now) {
    await refusal('token.refused', row.revoked_at ? 'revoked' : 'expired');
    throw new AppError('unauthenticated', REFUSED);
  }
  const scopes = row.scopes as TokenScope[];
  if (!endpoint || !scopes.some((s) => SCOPE_ENDPOINTS[s].includes(endpoint))) {
    await refusal('token.refused', 'scope');
    throw new AppError('forbidden', `此令牌的权限范围（${scopes.join('、')}）不含此接口`);
  }
  const unitIds = row.unit_id ? [row.unit_id] : (await listUnits(deps.db, tenantId)).map((u) => u.id);
  const actor: Actor = {
    tenantId,
    userId: row.created_by,
    role: scopes.includes('values:write') ? 'reporter' : 'viewer',
    unitIds,
  };
  await recordTokenUse(deps.db, tenantId, tokenId, {
    tenantId,
    actorId: row.created_by,
    action: 'token.use',
    entity: 'api_token',
    entityId: tokenId,
    after: detail,
    at: now,
  });
  return { actor, tokenId };
}
