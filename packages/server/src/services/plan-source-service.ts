import { notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizePlan } from '../policies/plans.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findPlanSource } from '../repositories/plan-source-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';

/** The cleaned text every item's `source` span points into. */
export async function planText(deps: Deps, actor: Actor, planId: string): Promise<{ text: string }> {
  authorizePlan(actor, 'read');
  await visiblePlan(deps.db, actor, planId);
  const source = await findPlanSource(deps.db, actor.tenantId, planId);
  if (!source) throw notFound('plan');
  return { text: source.text };
}

/** The document as uploaded. */
export async function planDocument(
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  authorizePlan(actor, 'read');
  await visiblePlan(deps.db, actor, planId);
  const source = await findPlanSource(deps.db, actor.tenantId, planId);
  if (!source?.source_bytes) throw notFound('sourceDocument');
  const fileName = source.source_file_name ?? 'plan';
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'plan.source.download',
    entity: 'plan',
    entityId: planId,
    after: { fileName, bytes: source.source_bytes.length },
    at: deps.clock.now(),
  });
  return { fileName, bytes: source.source_bytes };
}
