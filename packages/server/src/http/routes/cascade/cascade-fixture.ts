import type { Item, Plan, Target } from '@yaodian/parser';
import { PLAN_SCHEMA_ID } from '@yaodian/parser';

/*
 * A city plan whose tasks go to the counties (各县（市、区）卫生健康局配合), with the three kinds of target a
 * roll-up knows: a count the city splits into quotas (sum), a rate (weighted mean by population) and a line
 * every county must reach (the weakest county).
 */
const span = { start: 0, end: 10 };

function target(metric: string, op: Target['op'], value: number, unit: string, text: string): Target {
  return {
    metric,
    op,
    value,
    unit,
    basis: 'level',
    text,
    source: span,
    deadline: '2026-12-31',
    deadlineText: '年底前',
  };
}

function task(number: string, title: string, targets: Target[]): Item {
  return {
    number,
    level: 2,
    title,
    text: `${title}。`,
    units: ['妇幼健康科', '各县（市、区）卫生健康局'],
    lead: ['妇幼健康科'],
    support: ['各县（市、区）卫生健康局'],
    targets,
    deadline: '2026-12-31',
    deadlineText: '年底前',
    children: [],
    source: span,
  };
}

export const SUM_METRIC = '新增托位';
export const RATE_METRIC = '重点人群家庭医生签约服务覆盖率';
export const LINE_METRIC = '县级中医医院达到二级甲等水平的比例';

export function cascadePlan(): Plan {
  return {
    schema: PLAN_SCHEMA_ID,
    input: { format: 'text', encoding: 'utf-8', fileName: '2026年全市工作要点.txt', bytes: 1000 },
    text: '2026年全市卫生健康工作要点',
    meta: {
      title: '2026年全市卫生健康工作要点',
      year: 2026,
      region: null,
      issuer: null,
      issuedOn: null,
      publishedOn: null,
      docNumber: null,
      recipients: [],
    },
    items: [
      {
        number: '一',
        level: 1,
        title: '提升基层卫生服务能力',
        text: '提升基层卫生服务能力',
        units: [],
        lead: [],
        support: [],
        targets: [],
        deadline: null,
        deadlineText: null,
        source: span,
        children: [
          task('（一）', '发展普惠托育和家庭医生服务', [
            target(SUM_METRIC, '>=', 600, '个', '新增托位600个'),
            target(RATE_METRIC, '>=', 75, '%', '重点人群签约服务覆盖率达到75%以上'),
          ]),
          task('（二）', '推进县级中医医院提标', [
            target(LINE_METRIC, '>=', 100, '%', '县级中医医院全部达到二级甲等水平'),
          ]),
        ],
      },
    ],
    targets: [],
    aliases: [],
    warnings: [],
  };
}
