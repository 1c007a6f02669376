import type { PlanMilestones } from '@yaodian/core';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.js';
import { ganttSpec } from './gantt-spec.js';

const t = translator('zh-CN');
const milestone = (fields: Partial<PlanMilestones['tasks'][number]['milestones'][number]>) => ({
  id: '00000000-0000-4000-8000-000000000001',
  itemId: '00000000-0000-4000-8000-0000000000aa',
  position: 0,
  name: '开工',
  plannedOn: '2026-03-01',
  actualOn: null,
  confirmed: false,
  note: '',
  missed: false,
  version: 1,
  ...fields,
});

const data: PlanMilestones = {
  planId: '00000000-0000-4000-8000-0000000000ff',
  today: '2026-06-11',
  tasks: [
    {
      itemId: '00000000-0000-4000-8000-0000000000aa',
      number: '（一）',
      title: '市急救中心迁建',
      deadline: '2026-12-31',
      status: 'behind',
      leadUnits: [],
      milestones: [
        milestone({ actualOn: '2026-02-27', confirmed: true }),
        milestone({
          id: '00000000-0000-4000-8000-000000000002',
          name: '主体封顶',
          plannedOn: '2026-06-10',
          missed: true,
        }),
      ],
    },
  ],
};

describe('milestone Gantt spec', () => {
  it('lists every milestone with the state the server decided, and draws missed ones in red', () => {
    const spec = ganttSpec(data, t);
    expect(spec.empty).toBeNull();
    expect(spec.rows.map((r) => [r.milestone, r.state])).toEqual([
      ['开工', '已完成'],
      ['主体封顶', '已逾期'],
    ]);
    const series = spec.option.series as { name: string; itemStyle?: { color: string }; data: unknown[] }[];
    const missed = series.find((s) => s.name === '已逾期');
    expect(missed?.itemStyle?.color).toBe('#f5222d');
    expect(missed?.data).toEqual([{ value: ['2026-06-10', '（一） 市急救中心迁建'], name: '主体封顶' }]);
  });

  it('says why when no task has milestones', () => {
    expect(ganttSpec({ ...data, tasks: [] }, t).empty).toBe('所选范围内没有设置里程碑的任务');
  });
});
