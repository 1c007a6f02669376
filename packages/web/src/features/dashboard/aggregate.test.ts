import { describe, expect, it } from 'vitest';
import { item, period, report, target, task } from '../../test/factories.js';
import { attainmentRows, bySection, byUnit, heatMap, riskList, statusCounts } from './aggregate.js';

const a = { id: 'ua', name: 'A科' };
const b = { id: 'ub', name: 'B科' };

describe('dashboard aggregates', () => {
  const tasks = [
    task({ sectionId: 's1', status: 'done', percent: 100, reportingUnits: [a], leadUnits: [a] }),
    task({
      sectionId: 's1',
      status: 'behind',
      percent: 20,
      reportingUnits: [b],
      leadUnits: [b],
      supportUnits: [a],
      deadline: '2026-06-30',
    }),
    task({
      sectionId: 's2',
      status: 'overdue',
      percent: null,
      reportingUnits: [b],
      leadUnits: [b],
      deadline: '2026-09-30',
    }),
  ];

  it('counts every status, zero included', () => {
    const counts = statusCounts(tasks);
    expect(counts).toMatchObject({ done: 1, behind: 1, overdue: 1, on_track: 0 });
  });

  it('computes completion and mean progress per section, treating no report as 0%', () => {
    const rows = bySection(tasks, [
      { id: 's1', number: '一、', title: 'X' },
      { id: 's2', number: '二、', title: 'Y' },
      { id: 's3', number: '三、', title: 'Z' },
    ]);
    expect(rows.map((r) => [r.name, r.tasks, r.done, r.completion, r.averagePercent])).toEqual([
      ['一、 X', 2, 1, 50, 60],
      ['二、 Y', 1, 0, 0, 0],
    ]);
  });

  it('puts the unit furthest behind first', () => {
    expect(byUnit(tasks).map((r) => [r.name, r.averagePercent])).toEqual([
      ['B科', 10],
      ['A科', 100],
    ]);
  });

  it('counts lead and support units in the heat map', () => {
    const rows = heatMap(tasks);
    expect(rows.find((r) => r.name === 'A科')?.counts).toMatchObject({ done: 1, behind: 1 });
    expect(rows.find((r) => r.name === 'B科')?.counts).toMatchObject({ behind: 1, overdue: 1 });
  });

  it('lists overdue before behind and leaves healthy tasks out', () => {
    expect(riskList(tasks).map((x) => x.status)).toEqual(['overdue', 'behind']);
  });

  it('gives each target its latest actual and direction-aware attainment', () => {
    const jan = period();
    const t = target({ op: '<=', value: 10, direction: 'lower' });
    const rows = attainmentRows(
      [item({ targets: [t] })],
      [report({ periodId: jan.id, actuals: [{ targetId: t.id, value: 20, note: '' }] })],
      [jan],
    );
    expect(rows[0]?.latest).toBe(20);
    expect(rows[0]?.attainment).toBe(50);
  });
});
