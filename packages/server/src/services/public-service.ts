import { createHash, randomBytes } from 'node:crypto';
import type { PublicPlan } from '@yaodian/core';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizePublication } from '../policies/public.js';
import { presentPublicPlan } from '../presenters/public-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findPlan, findPlanRefByPublicId, setPlanPublicId } from '../repositories/plan-repository.js';
import { listTaskStatuses } from '../repositories/task-status-repository.js';
import { findTenantName } from '../repositories/tenant-repository.js';
import { planAttainment } from './attainment-service.js';
import type { Deps } from './deps.js';
import { loadPlanParts, visiblePlan } from './plan-loader.js';

/**
 * 公示 (issue 10, part 5): a published plan shown read-only without sign-in under an unguessable id (192
 * random bits, never the plan's id). Withdrawing it forgets the id; showing it again makes a new one, so an
 * old link stays dead.
 */
export async function setPlanPublic(
  deps: Deps,
  actor: Actor,
  planId: string,
  isPublic: boolean,
): Promise<{ publicId: string | null }> {
  authorizePublication(actor);
  return deps.db.transaction().execute(async (trx) => {
    const plan = await visiblePlan(trx, actor, planId);
    if (isPublic && plan.status !== 'published')
      throw new AppError('state_conflict', '只有已发布的计划可以公示');
    if (isPublic === (plan.public_id !== null)) return { publicId: plan.public_id };
    const publicId = isPublic ? randomBytes(24).toString('base64url') : null;
    const after = await setPlanPublicId(trx, actor.tenantId, planId, publicId);
    if (!after) throw notFound('plan');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: isPublic ? 'plan.public' : 'plan.unpublic',
      entity: 'plan',
      entityId: planId,
      before: { public: plan.public_id !== null },
      after: { public: isPublic },
      at: deps.clock.now(),
    });
    return { publicId };
  });
}

/** The public page and its ETag (a hash of what it shows, so a poll that finds nothing new costs no body). */
export async function publicPlan(deps: Deps, publicId: string): Promise<{ page: PublicPlan; etag: string }> {
  const ref = await findPlanRefByPublicId(deps.db, publicId);
  const plan = ref && (await findPlan(deps.db, ref.tenant_id, ref.id));
  if (plan?.status !== 'published' || plan.public_id !== publicId) throw notFound('plan');
  const [parts, statuses, attainment, commission] = await Promise.all([
    loadPlanParts(deps.db, plan),
    listTaskStatuses(deps.db, plan.tenant_id, plan.id),
    planAttainment(deps.db, plan),
    findTenantName(deps.db, plan.tenant_id),
  ]);
  const latest = new Map(
    attainment.targets.flatMap((t) => {
      const last = t.series.at(-1);
      return last ? [[t.targetId, { value: last.value, label: last.label }] as const] : [];
    }),
  );
  const page = presentPublicPlan(
    parts,
    commission ?? '',
    new Map(statuses.map((s) => [s.item_id, s.status])),
    latest,
  );
  const etag = `"${createHash('sha256').update(JSON.stringify(page)).digest('base64url').slice(0, 27)}"`;
  return { page, etag };
}
