import type { PlanDetail } from '@yaodian/core';
import type { Actor } from '../policies/actor.js';
import { authorizePlan } from '../policies/plans.js';
import type { Deps } from './deps.js';
import { etagMatches } from './etag.js';
import { loadPlanDetail, visiblePlan } from './plan-loader.js';

/**
 * The plan with its tree, and its ETag: the plan's version, its revision (raised by every plan-wide change and
 * every unit rename, migration 0081) and its last edit. `plan` is null when `ifNoneMatch` names the ETag
 * (answer 304 after one statement beyond the session).
 */
export async function planTreeIfChanged(
  deps: Deps,
  actor: Actor,
  planId: string,
  ifNoneMatch: string | undefined,
): Promise<{ etag: string; plan: PlanDetail | null }> {
  authorizePlan(actor, 'read');
  const header = await visiblePlan(deps.db, actor, planId);
  const etag = `"t-${String(header.version)}-${String(header.content_rev)}-${String(header.updated_at.getTime())}"`;
  if (etagMatches(ifNoneMatch, etag)) return { etag, plan: null };
  return { etag, plan: await loadPlanDetail(deps.db, header) };
}
