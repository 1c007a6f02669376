import { can, type Action } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';

/** The first line of every service method: role × action from the core matrix. */
export function authorize(actor: Actor, action: Action): void {
  if (!can(actor.role, action))
    throw new AppError('forbidden', `Your role (${actor.role}) may not ${action}`);
}

/** A reporter writes only for their own units. */
export function assertActsForUnit(actor: Actor, unitId: string): void {
  if (!actor.unitIds.includes(unitId)) throw new AppError('forbidden', 'You do not report for this unit');
}
