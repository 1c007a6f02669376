import type { Item, Plan } from '@yaodian/parser';
import { planFixture } from './plan-fixture.js';

/**
 * The fixture plan with a third section of ten tasks led by 医政科, three targets each: thirty values the
 * medical unit reports in one sheet.
 */
export function valuesPlanFixture(): Plan {
  const plan = planFixture();
  const model = plan.items[0]?.children[0];
  if (!model) throw new Error('the fixture plan has no first task');
  const tasks: Item[] = Array.from({ length: 10 }, (_, i) => ({
    ...model,
    number: `（${String(i + 1)}）`,
    title: `批量填报任务${String(i + 1)}`,
    text: `批量填报任务${String(i + 1)}。`,
    lead: ['医政科'],
    support: [],
    units: ['医政科'],
    children: [],
    targets: ['床位数', '门诊人次', '满意度'].map((metric, k) => ({
      ...(model.targets[0] ?? ({} as Item['targets'][number])),
      metric: `${metric}${String(i + 1)}`,
      op: '>=' as const,
      value: 100 + k,
      unit: '个',
      text: `${metric}${String(i + 1)}不少于${String(100 + k)}个`,
    })),
  }));
  plan.items.push({
    ...model,
    number: '三',
    level: 1,
    title: '批量填报',
    text: '批量填报。',
    lead: [],
    support: [],
    units: [],
    targets: [],
    deadline: null,
    deadlineText: null,
    children: tasks,
  });
  return plan;
}
