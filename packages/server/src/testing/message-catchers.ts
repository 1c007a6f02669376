import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { dingTalkSign } from '../messaging/robot-sender.js';

/*
 * The far ends of the messages a server sends, for tests that run a whole server: a real SMTP server on loopback
 * that keeps every mail, and a DingTalk-style robot receiver that checks the 加签 signature as DingTalk does.
 */

export interface CapturedMail {
  to: string;
  raw: string;
}

export interface MailCatcher {
  url: string;
  mails: CapturedMail[];
  close: () => Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${String(port)}`,
    mails,
    close: () =>
      new Promise<void>((resolve) => {
        smtp.close(() => {
          resolve();
        });
      }),
  };
}

export interface RobotPost {
  body: unknown;
  signed: boolean;
}

export interface RobotReceiver {
  /** The webhook to configure (DingTalk's shape: /robot/send?access_token=…). */
  webhookUrl: string;
  posts: RobotPost[];
  close: () => Promise<void>;
}

export async function startRobotReceiver(secret: string): Promise<RobotReceiver> {
  const posts: RobotPost[] = [];
  const robot: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const timestamp = Number(url.searchParams.get('timestamp'));
      const signed = url.searchParams.get('sign') === dingTalkSign(secret, timestamp);
      posts.push({ body: JSON.parse(body) as unknown, signed });
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(signed ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }),
      );
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
  const port = (robot.address() as AddressInfo).port;
  return {
    webhookUrl: `http://127.0.0.1:${String(port)}/robot/send?access_token=e2e`,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        robot.close(() => {
          resolve();
        });
      }),
  };
}
