import type { Item, Plan, Target } from '@yaodian/parser';
import { PLAN_SCHEMA_ID } from '@yaodian/parser';

// An original plan in the genre, as the plan engine would hand it over.
const span = { start: 0, end: 10 };

function target(
  metric: string,
  op: Target['op'],
  value: Target['value'],
  unit: string,
  text: string,
  deadline: string | null = null,
): Target {
  return {
    metric,
    op,
    value,
    unit,
    basis: 'level',
    text,
    source: span,
    deadline,
    deadlineText: deadline ? '年底前' : null,
  };
}

function item(number: string, level: number, title: string, fields: Partial<Item> = {}): Item {
  return {
    number,
    level,
    title,
    text: fields.text ?? `${title}。`,
    units: fields.units ?? [...(fields.lead ?? []), ...(fields.support ?? [])],
    lead: fields.lead ?? [],
    support: fields.support ?? [],
    targets: fields.targets ?? [],
    deadline: fields.deadline ?? null,
    deadlineText: fields.deadlineText ?? null,
    children: fields.children ?? [],
    source: span,
  };
}

export function planFixture(): Plan {
  return {
    schema: PLAN_SCHEMA_ID,
    input: { format: 'text', encoding: 'utf-8', fileName: '2026年工作要点.txt', bytes: 1000 },
    text: '2026年全市卫生健康工作要点',
    meta: {
      title: '2026年全市卫生健康工作要点',
      year: 2026,
      region: '临江市',
      issuer: '临江市卫生健康委员会',
      issuedOn: '2026-02-20',
      publishedOn: null,
      docNumber: '临卫发〔2026〕3号',
      recipients: [],
    },
    items: [
      item('一', 1, '深化医药卫生体制改革', {
        lead: ['体改科'],
        children: [
          item('（一）', 2, '推进紧密型县域医共体建设', {
            lead: ['医政科'],
            support: ['规信科'],
            deadline: '2026-12-31',
            deadlineText: '年底前',
            targets: [target('县域内就诊率', '>=', 90, '%', '县域内就诊率达到90%以上', '2026-12-31')],
          }),
          item('（二）', 2, '完善分级诊疗制度', {
            children: [item('1', 3, '扩大家庭医生签约服务覆盖面'), item('2', 3, '规范双向转诊流程')],
          }),
        ],
      }),
      item('二', 1, '提升公共卫生服务能力', {
        children: [
          item('（一）', 2, '强化妇幼健康服务', {
            lead: ['妇幼健康科'],
            support: ['各县（市、区）卫生健康局'],
            targets: [target('孕产妇死亡率', '<=', 10, '/10万', '孕产妇死亡率控制在10/10万以下')],
          }),
          item('（二）', 2, '推进医保支付方式改革', { lead: ['医政科'], support: ['市医保局'] }),
        ],
      }),
    ],
    targets: [],
    aliases: [{ short: '规信科', full: '规划信息科' }],
    warnings: [{ code: 'levels_skipped', message: 'A level was skipped after 二' }],
  };
}

/** A multipart body with one file field, for fastify.inject. */
export function multipartFile(
  fileName: string,
  content: Buffer | string,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----yaodianTestBoundary7MA4YWxkTrZu0gW';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
