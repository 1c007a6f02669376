import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/**
 * Values in bulk are reports written many at a time: the same permission as writing one (report.write), and
 * the same unit scope, which the report write path checks for every line (policies/reports.ts).
 */
export function authorizeValues(actor: Actor): void {
  authorize(actor, 'report.write');
}
