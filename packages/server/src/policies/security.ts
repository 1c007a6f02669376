import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/*
 * The commission's password and session policy: read and set by the security administrator only (三员分立:
 * the system administrator manages accounts, the auditor reads the log; neither sets the policy).
 */
export function authorizeSecurityPolicy(actor: Actor): void {
  authorize(actor, 'security.policy');
}
