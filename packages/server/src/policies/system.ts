import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/*
 * The server itself. Anyone signed in may read the date the server works to (the pages show it in a demo);
 * moving a demo's clock is the administrator's, and only where the server offers it (never in production:
 * `timeTravel` is absent there, whatever the role).
 */
export function authorizeClockMove(actor: Actor): void {
  authorize(actor, 'system.clock');
}
