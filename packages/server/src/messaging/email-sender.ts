import nodemailer from 'nodemailer';
import type { OutboundMessageRow } from '../db/schema.js';

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
}

/** Sends one recorded message by SMTP. The message id doubles as the Message-ID, so a resend is recognisable. */
export function emailSender(settings: EmailSettings): (message: OutboundMessageRow) => Promise<void> {
  const url = new URL(settings.url);
  // Bounded waits: a job holds its database transaction while it sends.
  url.searchParams.set('connectionTimeout', '10000');
  url.searchParams.set('greetingTimeout', '10000');
  url.searchParams.set('socketTimeout', '20000');
  const transport = nodemailer.createTransport(url.toString(), { from: settings.from });
  return async (message) => {
    await transport.sendMail({
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.id}@yaodian>`,
    });
  };
}
