import type { NotificationDto, OutboundMessageDto, UnitRobotView } from '@yaodian/core';
import type { NotificationRow, OutboundMessageRow } from '../db/schema.js';
import type { UnitRobotRow } from '../repositories/reminder-repository.js';

export function presentNotification(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

/** The message as recorded; its body stays in the database (it may name people and tasks). */
export function presentOutboundMessage(row: OutboundMessageRow): OutboundMessageDto {
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
  };
}

/** kind, webhookUrl, hasSecret, enabled: the signing secret is a credential and never leaves the server. */
export function presentUnitRobot(row: UnitRobotRow): UnitRobotView {
  return {
    kind: row.kind,
    webhookUrl: row.webhook_url,
    hasSecret: row.secret !== null,
    enabled: row.enabled,
  };
}
