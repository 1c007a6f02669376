import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/**
 * 公示: showing a plan to the public is publishing it further, the planning office's act (plan.publish). The
 * public page itself is read without sign-in; what it may show is decided by its presenter (no person).
 */
export function authorizePublication(actor: Actor): void {
  authorize(actor, 'plan.publish');
}
