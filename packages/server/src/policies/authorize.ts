import { can, type Action, type Role } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { ERRORS } from '../messaging/error-messages.js';

/*
 * The base every resource policy (policies/<resource>.ts) decides on: the permissions the core catalogue gives
 * the actor. This is the only place a role is looked up; policies ask for permissions, never role names,
 * so a role added to the catalogue needs no change here or in any service.
 */

/** Whether the actor holds the permission (core `PERMISSIONS`). */
export function permits(actor: Actor, permission: Action): boolean {
  return can(actor.role, permission);
}

/** Whether a role holds the permission (the role a user is given, checked before it is stored). */
export function rolePermits(role: Role, permission: Action): boolean {
  return can(role, permission);
}

/** Throws `forbidden` unless the actor holds the permission. */
export function authorize(actor: Actor, permission: Action): void {
  if (!permits(actor, permission))
    throw new AppError('forbidden', ERRORS.auth.roleMayNot(actor.role, permission));
}

/** A row of another commission is never the actor's business (services read by tenant; this guards them). */
export function inTenant(actor: Actor, resource: { tenant_id: string } | { tenantId: string }): boolean {
  return ('tenant_id' in resource ? resource.tenant_id : resource.tenantId) === actor.tenantId;
}
