import type { AnyEndpoint } from './define.js';
import { unitEndpoints } from './units.js';
import { userEndpoints } from './users.js';

export * from './define.js';
export { unitEndpoints } from './units.js';
export { userEndpoints } from './users.js';

/** Every endpoint of the API by client method name: the one table routes, OpenAPI, client and matrix follow. */
export const ENDPOINTS = {
  ...unitEndpoints,
  ...userEndpoints,
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

export const ENDPOINT_LIST: readonly AnyEndpoint[] = Object.values(ENDPOINTS);
