import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { listAudit } from '../repositories/audit-repository.js';
import type { Deps } from './deps.js';

export async function readAudit(
  deps: Deps,
  actor: Actor,
  filter: { entity?: string; entityId?: string; limit: number },
) {
  authorize(actor, 'audit.read');
  const rows = await listAudit(deps.db, actor.tenantId, filter);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    })),
  };
}
