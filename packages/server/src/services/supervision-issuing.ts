import { PERMISSIONS, type SupervisionLevel, type SupervisionRuleKind } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import type { SupervisionNoticeRow } from '../db/schema.js';
import { nextLevel, supervisionNumber } from '../domain/supervision-rules.js';
import { stateConflict, versionConflict } from '../errors/app-error.js';
import {
  ESCALATION_SUFFIX,
  SUPERVISION_ERRORS as E,
  SUPERVISION_MESSAGES as M,
} from '../messaging/supervision-messages.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { listAccountableLeaders } from '../repositories/leader-repository.js';
import { insertNotifications, type NewNotification } from '../repositories/notification-repository.js';
import type { NewOutboundMessage } from '../repositories/outbound-message-repository.js';
import { queueOutboundMessages } from './message-outbox.js';
import {
  listActiveUsersWithRoles,
  listUnitMembers,
  listUnitRobots,
} from '../repositories/reminder-repository.js';
import {
  findSupervisionView,
  insertSupervisionNotice,
  nextSupervisionSeq,
  updateSupervisionNotice,
  type SupervisionView,
} from '../repositories/supervision-repository.js';

/*
 * Issuing and escalating a notice, shared by the planning office's actions and the daily rule run: each in
 * the caller's transaction (number, rows, audit entry, notifications and outbox together, or none of them).
 */

export interface IssueInput {
  tenantId: string;
  planId: string;
  level: SupervisionLevel;
  rule: SupervisionRuleKind;
  ruleKey: string | null;
  reason: string;
  responseDue: string;
  /** Null when a rule of the plan raised it. */
  issuedBy: string | null;
  previousId: string | null;
  idempotencyKey: string | null;
  unitIds: readonly string[];
  itemIds: readonly string[];
}

const link = (id: string): string => `/supervision?id=${id}`;

/** The unit's reporters (in-app, e-mail where wanted) and robots; at red, the accountable leaders too. */
async function announce(trx: Executor, view: SupervisionView, now: Date): Promise<void> {
  const tenantId = view.tenant_id;
  const number = supervisionNumber(view.year, view.seq);
  const title = M.issued(number, view.level);
  const body = M.body(
    view.reason,
    view.items.map((i) => `${i.number} ${i.title}`).join('；'),
    view.response_due,
  );
  const unitIds = view.units.map((u) => u.id);
  const notifications: NewNotification[] = [];
  const messages: NewOutboundMessage[] = [];
  for (const member of await listUnitMembers(trx, tenantId, unitIds)) {
    notifications.push({
      tenantId,
      userId: member.user_id,
      kind: `supervision.${view.level}`,
      title,
      body,
      link: link(view.id),
      key: `supervision:${view.id}:issued`,
    });
    if (member.email && member.notify_email)
      messages.push({
        tenantId,
        channel: 'email',
        recipient: member.email,
        subject: title,
        body,
        key: `email:supervision:${view.id}:${member.user_id}`,
      });
  }
  for (const robot of await listUnitRobots(trx, tenantId, unitIds)) {
    if (!robot.enabled) continue;
    const unit = view.units.find((u) => u.id === robot.unit_id)?.name ?? '';
    messages.push({
      tenantId,
      channel: robot.kind,
      recipient: robot.webhook_url,
      subject: title,
      body: [M.robotHeading(unit), title, body].join('\n\n'),
      key: `${robot.kind}:supervision:${view.id}:${robot.unit_id}`,
    });
  }
  if (view.level === 'red')
    for (const leaderId of await listAccountableLeaders(
      trx,
      tenantId,
      view.items.map((i) => i.id),
      unitIds,
    ))
      notifications.push({
        tenantId,
        userId: leaderId,
        kind: 'supervision.red',
        title: M.red(number),
        body: `${view.units.map((u) => u.name).join('、')}\n${body}`,
        link: link(view.id),
        key: `supervision:${view.id}:red`,
      });
  await insertNotifications(trx, notifications, now);
  await queueOutboundMessages(trx, tenantId, messages, now);
}

/** Tells the planning office that a unit responded. */
export async function announceResponse(trx: Executor, view: SupervisionView, unitName: string, now: Date) {
  const office = await listActiveUsersWithRoles(trx, view.tenant_id, PERMISSIONS['supervision.issue']);
  await insertNotifications(
    trx,
    office.map((u) => ({
      tenantId: view.tenant_id,
      userId: u.id,
      kind: 'supervision.responded',
      title: M.responded(supervisionNumber(view.year, view.seq), unitName),
      body: view.response ?? '',
      link: link(view.id),
      key: `supervision:${view.id}:responded`,
    })),
    now,
  );
}

/** Takes the year's next number and issues the notice; its id. */
export async function issueNotice(trx: Executor, input: IssueInput, now: Date): Promise<string> {
  const year = Number(localDate(now).slice(0, 4));
  const seq = await nextSupervisionSeq(trx, input.tenantId, year);
  const id = await insertSupervisionNotice(trx, { ...input, year, seq, issuedAt: now });
  await appendAudit(trx, {
    tenantId: input.tenantId,
    actorId: input.issuedBy,
    action: input.previousId ? 'supervision.escalate' : 'supervision.issue',
    entity: 'supervision',
    entityId: id,
    after: { number: supervisionNumber(year, seq), ...input, idempotencyKey: undefined },
    at: now,
  });
  const view = await findSupervisionView(trx, input.tenantId, id);
  if (view) await announce(trx, view, now);
  return id;
}

/**
 * Escalates a notice one level: it becomes `escalated` and a new notice of the next level is issued with a
 * new number, pointing back to it. The id of the new notice.
 */
export async function escalateNotice(
  trx: Executor,
  row: SupervisionNoticeRow,
  view: SupervisionView,
  by: { actorId: string | null; note: string | null; responseDue: string },
  now: Date,
): Promise<string> {
  const level = nextLevel(row.level);
  if (!level) throw stateConflict(E.alreadyRed);
  if (!(await updateSupervisionNotice(trx, row.tenant_id, row.id, row.version, { status: 'escalated' })))
    throw versionConflict('supervisionNotice');
  const id = await issueNotice(
    trx,
    {
      tenantId: row.tenant_id,
      planId: row.plan_id,
      level,
      rule: row.rule,
      ruleKey: row.rule_key,
      // The reason stays the first notice's; each rung says only why it rose (the rung before is replaced).
      reason: `${row.reason.replace(ESCALATION_SUFFIX, '').slice(0, 800)}（${(
        by.note ?? (by.actorId ? M.escalatedByOffice(level) : M.escalated(level))
      ).slice(0, 150)}）`,
      responseDue: by.responseDue,
      issuedBy: by.actorId,
      previousId: row.id,
      idempotencyKey: null,
      unitIds: view.units.map((u) => u.id),
      itemIds: view.items.map((i) => i.id),
    },
    now,
  );
  await updateSupervisionNotice(trx, row.tenant_id, row.id, row.version + 1, { next_id: id });
  return id;
}
