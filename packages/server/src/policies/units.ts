import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/** The commission's units, their aliases and collective names (unit groups). */
export type UnitAction = 'read' | 'manage';

const NEEDS: Readonly<Record<UnitAction, Action>> = { read: 'unit.read', manage: 'unit.manage' };

export function canUnit(actor: Actor, action: UnitAction): boolean {
  return permits(actor, NEEDS[action]);
}

export function authorizeUnit(actor: Actor, action: UnitAction): void {
  authorize(actor, NEEDS[action]);
}
