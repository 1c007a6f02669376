import { IdParams } from '../schemas/common.js';
import { ApiToken, ApiTokenList, CreateApiTokenRequest, CreatedApiToken } from '../schemas/tokens.js';
import { endpoint } from './define.js';

/** API tokens: created, listed (never with the secret) and revoked by the commission's administrator. */
export const tokenEndpoints = {
  apiTokens: endpoint({
    name: 'apiTokens',
    method: 'GET',
    path: '/api/tokens',
    tag: 'tokens',
    permission: 'token.manage',
    response: ApiTokenList,
  }),
  createApiToken: endpoint({
    name: 'createApiToken',
    method: 'POST',
    path: '/api/tokens',
    tag: 'tokens',
    summary: 'Creates a token; the answer carries its secret, the only time it is shown',
    permission: 'token.manage',
    body: CreateApiTokenRequest,
    response: CreatedApiToken,
    status: 201,
    errors: [400, 403, 404],
  }),
  revokeApiToken: endpoint({
    name: 'revokeApiToken',
    method: 'POST',
    path: '/api/tokens/:id/revoke',
    tag: 'tokens',
    permission: 'token.manage',
    params: IdParams,
    response: ApiToken,
    errors: [403, 404],
  }),
} as const;
