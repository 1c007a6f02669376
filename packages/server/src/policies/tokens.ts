import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/** API tokens are the commission's system administrator's to create, list and revoke. */
export function authorizeTokens(actor: Actor): void {
  authorize(actor, 'token.manage');
}
