import { assessmentEndpoints } from './assessment.js';
import { auditEndpoints } from './audit.js';
import { authEndpoints } from './auth.js';
import type { AnyEndpoint } from './define.js';
import { itemEndpoints, targetEndpoints } from './items.js';
import { milestoneEndpoints } from './milestones.js';
import { notificationEndpoints } from './notifications.js';
import { securityEndpoints } from './security.js';
import { systemEndpoints } from './system.js';
import { calendarEndpoints } from './calendar.js';
import { cascadeEndpoints } from './cascade.js';
import { leaderEndpoints } from './leaders.js';
import { supervisionEndpoints } from './supervision.js';
import { periodEndpoints } from './periods.js';
import { planEndpoints } from './plans.js';
import { attachmentEndpoints, reportEndpoints } from './reports.js';
import { commentEndpoints, taskEndpoints } from './tasks.js';
import { tenantEndpoints } from './tenants.js';
import { publicEndpoints } from './public.js';
import { tokenEndpoints } from './tokens.js';
import { valueEndpoints } from './values.js';
import { unitEndpoints } from './units.js';
import { userEndpoints } from './users.js';
import { yearLinkEndpoints } from './year-links.js';

export * from './define.js';
export { assessmentEndpoints } from './assessment.js';
export { auditEndpoints } from './audit.js';
export { authEndpoints } from './auth.js';
export { itemEndpoints, targetEndpoints } from './items.js';
export { milestoneEndpoints } from './milestones.js';
export { notificationEndpoints } from './notifications.js';
export { securityEndpoints } from './security.js';
export { systemEndpoints } from './system.js';
export { calendarEndpoints } from './calendar.js';
export { cascadeEndpoints } from './cascade.js';
export { leaderEndpoints } from './leaders.js';
export { supervisionEndpoints } from './supervision.js';
export { periodEndpoints } from './periods.js';
export { planEndpoints } from './plans.js';
export { attachmentEndpoints, IdempotencyHeaders, reportEndpoints } from './reports.js';
export { commentEndpoints, taskEndpoints } from './tasks.js';
export { tenantEndpoints } from './tenants.js';
export { publicEndpoints } from './public.js';
export { tokenEndpoints } from './tokens.js';
export { valueEndpoints } from './values.js';
export { unitEndpoints } from './units.js';
export { userEndpoints } from './users.js';
export { yearLinkEndpoints } from './year-links.js';

/**
 * Every endpoint of the API by client method name: the one table the server registers, the OpenAPI
 * document shows, the client calls and the authorisation matrix walks. Add a row here (in the
 * resource's file) before its route.
 */
export const ENDPOINTS = {
  ...authEndpoints,
  ...planEndpoints,
  ...itemEndpoints,
  ...targetEndpoints,
  ...periodEndpoints,
  ...taskEndpoints,
  ...commentEndpoints,
  ...reportEndpoints,
  ...attachmentEndpoints,
  ...auditEndpoints,
  ...unitEndpoints,
  ...userEndpoints,
  ...notificationEndpoints,
  ...securityEndpoints,
  ...systemEndpoints,
  ...calendarEndpoints,
  ...supervisionEndpoints,
  ...leaderEndpoints,
  ...milestoneEndpoints,
  ...assessmentEndpoints,
  ...tenantEndpoints,
  ...yearLinkEndpoints,
  ...valueEndpoints,
  ...tokenEndpoints,
  ...publicEndpoints,
  ...cascadeEndpoints,
} as const;

export type EndpointName = keyof typeof ENDPOINTS;

export const ENDPOINT_LIST: readonly AnyEndpoint[] = Object.values(ENDPOINTS);
