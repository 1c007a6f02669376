// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import * as echarts from 'echarts/core';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanSummaryReportDto, TargetAttainmentDto } from '../../api/endpoints.js';
import { uuid } from '../../test/factories.js';
import { DashboardView } from './DashboardView.js';

afterEach(cleanup);

/** The reason a card gives for having no chart. */
const why = (view: HTMLElement, id: string): string | null | undefined =>
  within(view).getByTestId(`${id}-empty`).querySelector('.ant-empty-description')?.textContent;

const counts = (partial: Partial<PlanSummaryReportDto['statusCounts']> = {}) => ({
  done: 0,
  overdue: 0,
  behind: 0,
  at_risk: 0,
  on_track: 0,
  not_started: 0,
  ...partial,
});

// Server answers as GET /summary and /attainment give them (shapes checked by the core schemas).
const UNITS = [
  '医政医管科',
  '疾病预防控制科',
  '基层卫生健康科',
  '妇幼健康科',
  '市卫生健康综合监督执法支队（市卫生健康信息中心）',
  '规划发展与信息化科',
  '科技教育科',
  '委直属公立医院',
];

function summary(): PlanSummaryReportDto {
  return {
    planId: uuid(),
    overall: { tasks: 5, done: 1, completion: 20, averagePercent: 34, lagging: 2 },
    statusCounts: counts({ done: 1, behind: 1, overdue: 1, on_track: 2 }),
    reports: { accepted: 3, pending: 1, returned: 1 },
    bySection: [
      {
        sectionId: uuid(),
        number: '一',
        title: '深化改革',
        tasks: 3,
        done: 0,
        completion: 0,
        averagePercent: 6.7,
      },
      {
        sectionId: uuid(),
        number: '二',
        title: '公共卫生',
        tasks: 2,
        done: 1,
        completion: 50,
        averagePercent: 50,
      },
    ],
    byUnit: [
      { unitId: uuid(), name: '医政医管科', tasks: 2, done: 1, completion: 50, averagePercent: 60 },
      { unitId: uuid(), name: '基层卫生健康科', tasks: 3, done: 0, completion: 0, averagePercent: 12.5 },
    ],
    byUnitStatus: UNITS.map((name, k) => ({
      unitId: uuid(),
      name,
      counts: counts({ on_track: k % 3, behind: k % 2, done: k === 0 ? 1 : 0 }),
    })),
    risks: [],
  };
}

function target(fields: Partial<TargetAttainmentDto>): TargetAttainmentDto {
  return {
    targetId: uuid(),
    itemId: uuid(),
    metric: '指标',
    op: '>=',
    value: 90,
    lo: null,
    hi: null,
    unit: '%',
    direction: 'higher',
    series: [],
    latest: null,
    attainment: null,
    met: null,
    pending: null,
    ...fields,
  };
}

const march = { periodId: uuid(), label: '2026年3月', endsOn: '2026-03-31' };
const april = { periodId: uuid(), label: '2026年4月', endsOn: '2026-04-30' };
const TARGETS = [
  target({
    metric: '县域内就诊率',
    series: [
      { ...march, value: 72 },
      { ...april, value: 81 },
    ],
    latest: 81,
    attainment: 90,
    met: false,
  }),
  target({
    metric: '孕产妇死亡率',
    op: '<=',
    value: 9,
    unit: '/10万',
    direction: 'lower',
    series: [{ ...april, value: 8 }],
    latest: 8,
    attainment: 100,
    met: true,
  }),
  target({ metric: '家庭医生签约率', pending: { periodId: april.periodId, label: april.label, value: 70 } }),
  target({ metric: '床位数' }),
];

function show(s: PlanSummaryReportDto, targets: readonly TargetAttainmentDto[]): HTMLElement {
  return render(createElement(MemoryRouter, null, createElement(DashboardView, { summary: s, targets })))
    .container;
}

/** The option ECharts actually holds for the card's chart (rendered with the real library, SVG renderer). */
async function chartOption(card: HTMLElement): Promise<Record<string, unknown[]>> {
  const dom = await waitFor(
    () => {
      const found = card.querySelector<HTMLElement>('[_echarts_instance_]');
      if (!found) throw new Error('chart not drawn yet');
      return found;
    },
    { timeout: 20_000 },
  );
  const chart = echarts.getInstanceByDom(dom);
  if (!chart) throw new Error('no ECharts instance');
  return chart.getOption() as Record<string, unknown[]>;
}

/** Switches the card to its table view and reads the body cells as text, row by row. */
function tableRows(card: HTMLElement): string[][] {
  fireEvent.click(within(card).getByText('表格'));
  return [...card.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
  );
}

interface Series {
  data: unknown[];
}
const series = (option: Record<string, unknown[]>): Series[] => option.series as Series[];
const axisData = (option: Record<string, unknown[]>, axis: 'xAxis' | 'yAxis'): string[] =>
  (option[axis]?.[0] as { data: string[] }).data;

describe('dashboard charts and their tables', () => {
  it('shows the status ring and its table with the same counts', async () => {
    const view = show(summary(), TARGETS);
    const card = within(view).getByTestId('chart-status');
    const option = await chartOption(card);
    const slices = (series(option)[0]?.data ?? []) as { name: string; value: number }[];
    const rows = tableRows(card);
    expect(rows.map((r) => [r[0], Number(r[1])])).toEqual(slices.map((s) => [s.name, s.value]));
    expect(rows.find((r) => r[0] === '已完成')?.[1]).toBe('1');
  });

  it('shows completion by section and by unit in the chart’s order, with the chart’s numbers', async () => {
    const view = show(summary(), TARGETS);
    for (const id of ['chart-sections', 'chart-units']) {
      const card = within(view).getByTestId(id);
      const option = await chartOption(card);
      const [average, completion] = series(option);
      const rows = tableRows(card);
      expect(rows.map((r) => r[0])).toEqual(axisData(option, 'yAxis'));
      expect(rows.map((r) => Number(r[3]?.replace('%', '')))).toEqual(completion?.data);
      expect(rows.map((r) => Number(r[4]?.replace('%', '')))).toEqual(average?.data);
    }
  });

  it('labels every unit on the heat map axis and puts the chart’s cells in the table', async () => {
    const view = show(summary(), TARGETS);
    const card = within(view).getByTestId('chart-heat');
    const option = await chartOption(card);
    const yAxis = option.yAxis?.[0] as { data: string[]; axisLabel: { interval: number } };
    expect(yAxis.data).toEqual(UNITS);
    expect(yAxis.axisLabel.interval).toBe(0);
    const cells = (series(option)[0]?.data ?? []) as [number, number, number][];
    const rows = tableRows(card);
    expect(rows.map((r) => r[0])).toEqual(UNITS);
    const fromTable = rows.flatMap((r, y) =>
      r.slice(1).flatMap((text, x) => (text === '' ? [] : [[x, y, Number(text)]])),
    );
    expect(fromTable).toEqual(cells);
  });

  it('draws a bar only for a target with an accepted actual and says why the others have none', async () => {
    const view = show(summary(), TARGETS);
    const card = within(view).getByTestId('chart-attainment');
    const option = await chartOption(card);
    const bars = (series(option)[0]?.data ?? []) as { value: number }[];
    expect(axisData(option, 'yAxis')).toEqual(['县域内就诊率', '孕产妇死亡率']);
    expect(bars.map((b) => b.value)).toEqual([90, 100]);
    const unmeasured = within(card).getByTestId('attainment-unmeasured').textContent;
    expect(unmeasured).toContain('家庭医生签约率实际值待审核');
    expect(unmeasured).toContain('床位数尚无审核通过的实际值');
    const rows = tableRows(card);
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['县域内就诊率', '≥ 90%', '81', '90%'],
      ['孕产妇死亡率', '≤ 9/10万', '8', '100%'],
    ]);
  });

  it('draws each accepted series over its periods and tabulates the same values', async () => {
    const view = show(summary(), TARGETS);
    const card = within(view).getByTestId('chart-trend');
    const option = await chartOption(card);
    expect(axisData(option, 'xAxis')).toEqual(['2026年3月', '2026年4月']);
    const lines = series(option) as (Series & { name: string })[];
    const rows = tableRows(card);
    expect(rows).toEqual(
      lines.map((l) => [l.name, ...l.data.map((v) => (v === null ? '' : String(v as number)))]),
    );
  });

  it('says why each chart is empty instead of drawing nothing', () => {
    const empty: PlanSummaryReportDto = {
      ...summary(),
      overall: { tasks: 0, done: 0, completion: 0, averagePercent: 0, lagging: 0 },
      statusCounts: counts(),
      bySection: [],
      byUnit: [],
      byUnitStatus: [],
    };
    const view = show(empty, []);
    for (const id of ['chart-status', 'chart-sections', 'chart-units', 'chart-heat'])
      expect(why(view, id)).toBe('该计划尚无任务，无可统计的数据');
    for (const id of ['chart-attainment', 'chart-trend']) expect(why(view, id)).toBe('该计划暂无量化指标');
    expect(view.querySelector('[_echarts_instance_]')).toBeNull();
  });

  it('says the targets have no accepted actual yet when none has one', () => {
    const view = show(summary(), [target({ metric: '床位数' })]);
    expect(why(view, 'chart-attainment')).toBe('1 项指标均尚无审核通过的实际值，暂无可画的数据');
  });
});
