import type { AdvanceClockResult, ClockState } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeClockMove } from '../policies/system.js';
import { presentClock } from '../presenters/system-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { shiftSessionTimes } from '../repositories/session-repository.js';
import type { Deps } from './deps.js';
import { ERRORS } from '../messaging/error-messages.js';

const DAY_MS = 86_400_000;

export function clockState(deps: Deps): ClockState {
  return presentClock(deps.clock.now(), deps.timeTravel !== undefined);
}

/**
 * A demo's year in minutes: the clock moves forward by whole days, the signed-in sessions move with it,
 * and every job that became due (daily statuses, reminders, deliveries) runs before the answer.
 */
export async function advanceClock(deps: Deps, actor: Actor, days: number): Promise<AdvanceClockResult> {
  authorizeClockMove(actor);
  if (!deps.timeTravel) throw new AppError('state_conflict', ERRORS.clock.demoOnly);
  const before = deps.clock.now();
  const ms = days * DAY_MS;
  await shiftSessionTimes(deps.db, ms);
  const jobsRun = await deps.timeTravel.advance(ms);
  const now = deps.clock.now();
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'system.clock.advance',
    entity: 'tenant',
    entityId: actor.tenantId,
    before: { now: before.toISOString() },
    after: { now: now.toISOString(), days, jobsRun },
    at: now,
  });
  return { ...presentClock(now, true), jobsRun };
}
