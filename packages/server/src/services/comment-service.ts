import type { Actor } from '../policies/actor.js';
import { authorizeComment } from '../policies/comments.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { presentComment } from '../presenters/comment-presenter.js';
import { insertComment, listComments } from '../repositories/comment-repository.js';
import { findItem } from '../repositories/item-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { getReport } from './report-service.js';

type Target = { itemId: string } | { reportId: string };

/** The thing commented on must be visible to the actor (a task of a visible plan, a visible report). */
async function checkVisible(deps: Deps, actor: Actor, on: Target): Promise<void> {
  if ('reportId' in on) {
    await getReport(deps, actor, on.reportId);
    return;
  }
  const item = await findItem(deps.db, actor.tenantId, on.itemId);
  await visiblePlan(deps.db, actor, item?.plan_id ?? '00000000-0000-0000-0000-000000000000');
}

export async function commentsOn(deps: Deps, actor: Actor, on: Target) {
  authorizeComment(actor, 'read');
  await checkVisible(deps, actor, on);
  return { comments: (await listComments(deps.db, actor.tenantId, on)).map(presentComment) };
}

export async function addComment(deps: Deps, actor: Actor, on: Target, body: string) {
  authorizeComment(actor, 'write');
  await checkVisible(deps, actor, on);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const id = await insertComment(trx, {
      tenantId: actor.tenantId,
      itemId: 'itemId' in on ? on.itemId : null,
      reportId: 'reportId' in on ? on.reportId : null,
      authorId: actor.userId,
      body,
      at,
    });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'comment.create',
      entity: 'comment',
      entityId: id,
      after: { ...on, body },
      at,
    });
  });
  return { comments: (await listComments(deps.db, actor.tenantId, on)).map(presentComment) };
}
