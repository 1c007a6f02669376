import { createHmac } from 'node:crypto';

/*
 * Group robots: WeCom (企业微信) and DingTalk (钉钉) take a markdown message as JSON by webhook. DingTalk's
 * 加签 robots check `timestamp` and `sign` query parameters: Base64(HMAC-SHA256(secret, timestamp + "\n" +
 * secret)), URL-encoded. Both answer 200 with `errcode` 0 on success, a non-zero errcode otherwise.
 */

export interface RobotMessage {
  kind: 'wecom' | 'dingtalk';
  webhookUrl: string;
  secret: string | null;
  title: string;
  markdown: string;
}

export function dingTalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret)
    .update(`${String(timestamp)}\n${secret}`)
    .digest('base64');
}

/** The URL and JSON body to post for a robot message at `now` (ms since the epoch). */
export function robotRequest(message: RobotMessage, now: number): { url: string; body: unknown } {
  if (message.kind === 'wecom')
    return {
      url: message.webhookUrl,
      body: { msgtype: 'markdown', markdown: { content: message.markdown } },
    };
  const url = new URL(message.webhookUrl);
  if (message.secret) {
    url.searchParams.set('timestamp', String(now));
    url.searchParams.set('sign', dingTalkSign(message.secret, now));
  }
  return {
    url: url.toString(),
    body: { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } },
  };
}

export async function sendRobotMessage(message: RobotMessage, now: number): Promise<void> {
  const { url, body } = robotRequest(message, now);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const answer = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
  if (!response.ok || (answer?.errcode ?? 0) !== 0)
    throw new Error(
      `robot ${message.kind} answered ${String(response.status)} ${answer?.errmsg ?? ''}`.trim(),
    );
}
