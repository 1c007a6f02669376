import { describe, it, expect } from 'vitest';
import { parsePlan } from '../parse-plan.js';
import type { Item } from '../plan.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const PLAN = (note: string): string =>
  [
    '某县2030年卫生健康工作要点',
    note,
    '一、提升医疗服务能力',
    '（一）推进县域医共体建设。年内实现乡镇全覆盖。（医政股、基层股、规财股）',
    '（二）加强胸痛中心建设。（责任股室：医政股、县人民医院；分管领导：某某某）',
  ].join('\n');

async function leads(note: string): Promise<string[][]> {
  const plan = await parsePlan(utf8(PLAN(note)), { fileName: 'plan.txt' });
  const flat = (items: readonly Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.children)]);
  return flat(plan.items)
    .filter((item) => item.units.length > 0)
    .map((item) => item.lead);
}

describe('the document convention in a parsed plan', () => {
  it('reads no lead from role-less lists when the plan states no convention', async () => {
    expect(await leads('各股室要按月报送工作进展。')).toEqual([[], []]);
  });

  it('reads the first unit as lead when the plan says the first-listed unit leads', async () => {
    expect(await leads('各项任务中列在首位的为牵头单位。')).toEqual([['医政股'], ['医政股']]);
  });

  it('reads the 责任股室 units as lead when the plan says 责任单位 lead', async () => {
    expect(await leads('说明：责任股室为牵头股室。')).toEqual([[], ['医政股', '县人民医院']]);
  });
});
