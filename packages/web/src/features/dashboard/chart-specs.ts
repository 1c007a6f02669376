import type { TaskStatus } from '@yaodian/core';
import type { PlanSummaryReportDto, TargetAttainmentDto } from '../../api/endpoints.js';
import { STATUS_COLOR, STATUS_ORDER } from '../../components/status.js';
import { targetText } from '../../components/target-text.js';
import type { Translate } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

/**
 * Each dashboard chart as one spec: the ECharts option and the rows of the table view under it, both built
 * from the same server figures here, so the table always shows the chart's numbers. No figure is computed
 * here: counts, completion, attainment and their order are the server's (GET /summary, /attainment).
 */
export interface ChartSpec<Row> {
  option: Record<string, unknown>;
  rows: Row[];
  /** Why the chart has nothing to draw (a catalogue message), or null when it has data. */
  empty: string | null;
}

type Summary = PlanSummaryReportDto;

export interface StatusRow {
  status: TaskStatus;
  label: string;
  count: number;
}

export function statusSpec(summary: Summary, t: Translate): ChartSpec<StatusRow> {
  const rows = STATUS_ORDER.map((status) => ({
    status,
    label: t(`status.${status}`),
    count: summary.statusCounts[status],
  }));
  return {
    rows,
    empty: summary.overall.tasks === 0 ? t('dashboard.why.noTasks') : null,
    option: {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, data: rows.map((r) => r.label) },
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '45%'],
          label: { formatter: '{b} {c}' },
          data: rows.map((r) => ({
            name: r.label,
            value: r.count,
            itemStyle: { color: STATUS_COLOR[r.status] },
            // A status without tasks stays in the legend (and the table) but draws no label on the ring.
            ...(r.count === 0 ? { label: { show: false }, labelLine: { show: false } } : {}),
          })),
        },
      ],
    },
  };
}

export interface CompletionRow {
  key: string;
  name: string;
  tasks: number;
  done: number;
  completion: number;
  averagePercent: number;
}

/** Horizontal bars, first row on top (the axis is inverted so the chart reads in the table's order). */
function completionOption(rows: readonly CompletionRow[], t: Translate): Record<string, unknown> {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('dashboard.avgPercent'), t('dashboard.completion')] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, width: 180, overflow: 'truncate' },
    },
    series: [
      {
        name: t('dashboard.avgPercent'),
        type: 'bar',
        data: rows.map((r) => r.averagePercent),
        itemStyle: { color: '#1f5fbf' },
      },
      {
        name: t('dashboard.completion'),
        type: 'bar',
        data: rows.map((r) => r.completion),
        itemStyle: { color: '#52c41a' },
      },
    ],
  };
}

export function sectionSpec(summary: Summary, t: Translate): ChartSpec<CompletionRow> {
  const rows = summary.bySection.map((s) => ({
    key: s.sectionId ?? '',
    name: s.number ? `${s.number}、${s.title}` : s.title,
    tasks: s.tasks,
    done: s.done,
    completion: s.completion,
    averagePercent: s.averagePercent,
  }));
  return {
    rows,
    empty: rows.length === 0 ? t('dashboard.why.noTasks') : null,
    option: completionOption(rows, t),
  };
}

export function unitSpec(summary: Summary, t: Translate): ChartSpec<CompletionRow> {
  const rows = summary.byUnit.map((u) => ({
    key: u.unitId,
    name: u.name,
    tasks: u.tasks,
    done: u.done,
    completion: u.completion,
    averagePercent: u.averagePercent,
  }));
  const empty =
    summary.overall.tasks === 0
      ? t('dashboard.why.noTasks')
      : rows.length === 0
        ? t('dashboard.why.noLeadUnits')
        : null;
  return { rows, empty, option: completionOption(rows, t) };
}

export interface HeatRow {
  unitId: string;
  name: string;
  counts: Record<TaskStatus, number>;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** Row height of the heat map: every unit gets a labelled row, however many there are. */
export const HEAT_ROW_PX = 28;

export function heatSpec(summary: Summary, t: Translate): ChartSpec<HeatRow> {
  const rows: HeatRow[] = summary.byUnitStatus;
  const statuses = STATUS_ORDER.map((s) => t(`status.${s}`));
  const empty =
    summary.overall.tasks === 0
      ? t('dashboard.why.noTasks')
      : rows.length === 0
        ? t('dashboard.why.noUnits')
        : null;
  return {
    rows,
    empty,
    option: {
      tooltip: {
        position: 'top',
        // The full unit name: a long one is truncated on the axis.
        formatter: (p: { value: [number, number, number] }) =>
          `${escapeHtml(rows[p.value[1]]?.name ?? '')}<br/>${escapeHtml(statuses[p.value[0]] ?? '')}: ${String(p.value[2])}`,
      },
      grid: { left: 8, right: 16, top: 8, bottom: 60, containLabel: true },
      xAxis: {
        type: 'category',
        position: 'top',
        data: statuses,
        splitArea: { show: true },
        axisLabel: { interval: 0 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        splitArea: { show: true },
        // Every unit labelled (interval 0); long names are cut with an ellipsis, the tooltip shows them whole.
        axisLabel: { interval: 0, width: 150, overflow: 'truncate' },
      },
      visualMap: {
        min: 0,
        max: Math.max(1, ...rows.flatMap((h) => Object.values(h.counts))),
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f6ffed', '#ffd666', '#f5222d'] },
      },
      series: [
        {
          type: 'heatmap',
          label: { show: true },
          // Only the cells with tasks: an empty cell stays blank in the chart as in the table.
          data: rows.flatMap((h, y) =>
            STATUS_ORDER.flatMap((s, x) => (h.counts[s] > 0 ? [[x, y, h.counts[s]]] : [])),
          ),
        },
      ],
    },
  };
}

export interface AttainmentRow {
  targetId: string;
  metric: string;
  target: string;
  direction: string;
  latest: number | null;
  pending: number | null;
  attainment: number | null;
}

export interface Unmeasured {
  targetId: string;
  metric: string;
  reason: MessageKey;
}

function attainmentColor(a: number): string {
  return a >= 100 ? '#52c41a' : a >= 80 ? '#faad14' : '#f5222d';
}

/**
 * One bar per target the server could measure (an accepted actual against a target value); the others are
 * listed beside the chart with the reason they have no bar, never drawn as empty bars.
 */
export function attainmentSpec(
  targets: readonly TargetAttainmentDto[],
  t: Translate,
): ChartSpec<AttainmentRow> & { unmeasured: Unmeasured[] } {
  const row = (x: TargetAttainmentDto): AttainmentRow => ({
    targetId: x.targetId,
    metric: x.metric,
    target: targetText(x),
    direction: t(`direction.${x.direction}`),
    latest: x.latest,
    pending: x.pending?.value ?? null,
    attainment: x.attainment,
  });
  const rows = targets.filter((x) => x.attainment !== null).map(row);
  const unmeasured = targets
    .filter((x) => x.attainment === null)
    .map((x): Unmeasured => ({
      targetId: x.targetId,
      metric: x.metric,
      reason:
        x.latest !== null
          ? 'dashboard.why.noTargetValue'
          : x.pending
            ? 'dashboard.why.pendingOnly'
            : 'dashboard.why.noActual',
    }));
  const empty =
    targets.length === 0
      ? t('dashboard.noTargets')
      : rows.length === 0
        ? t('dashboard.why.noAcceptedActuals', { n: targets.length })
        : null;
  return {
    rows,
    unmeasured,
    empty,
    option: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.metric),
        axisLabel: { interval: 0, width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('dashboard.attainmentRate'),
          data: rows.map((r) => ({
            value: r.attainment,
            itemStyle: { color: attainmentColor(r.attainment ?? 0) },
          })),
        },
      ],
    },
  };
}

export interface TrendRow {
  targetId: string;
  metric: string;
  /** Accepted value by period id. */
  values: Record<string, number>;
}

export interface TrendSpec extends ChartSpec<TrendRow> {
  periods: { id: string; label: string }[];
}

/** Accepted actuals over the periods that have any, one line per target with at least one. */
export function trendSpec(targets: readonly TargetAttainmentDto[], t: Translate): TrendSpec {
  const withData = targets.filter((x) => x.series.length > 0);
  const byId = new Map<string, { id: string; label: string; endsOn: string }>();
  for (const x of withData)
    for (const p of x.series) byId.set(p.periodId, { id: p.periodId, label: p.label, endsOn: p.endsOn });
  const periods = [...byId.values()].sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  const rows = withData.map((x) => ({
    targetId: x.targetId,
    metric: x.metric,
    values: Object.fromEntries(x.series.map((p) => [p.periodId, p.value])),
  }));
  const empty =
    targets.length === 0
      ? t('dashboard.noTargets')
      : rows.length === 0
        ? t('dashboard.why.noAcceptedActuals', { n: targets.length })
        : null;
  return {
    rows,
    periods: periods.map((p) => ({ id: p.id, label: p.label })),
    empty,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
      // Twelve monthly labels do not fit side by side in a half-width card: tilt them when there are many.
      xAxis: {
        type: 'category',
        data: periods.map((p) => p.label),
        axisLabel: { interval: 0, rotate: periods.length > 4 ? 35 : 0, hideOverlap: true },
      },
      yAxis: { type: 'value' },
      series: rows.map((r) => ({
        name: r.metric,
        type: 'line',
        connectNulls: true,
        data: periods.map((p) => r.values[p.id] ?? null),
      })),
    },
  };
}
