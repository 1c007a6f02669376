import type { PlanMilestones } from '@yaodian/core';
import { STATUS_COLOR } from '../../components/status.js';
import type { Translate } from '../../i18n/i18n.js';
import type { ChartSpec } from '../dashboard/chart-specs.js';

export interface GanttRow {
  key: string;
  task: string;
  milestone: string;
  plannedOn: string;
  actualOn: string | null;
  state: string;
}

const DAY = 86_400_000;
const ms = (date: string): number => Date.parse(`${date}T00:00:00Z`);

const MARK_COLOR = {
  missed: '#f5222d',
  reached: '#52c41a',
  awaiting: '#1677ff',
  planned: '#8c8c8c',
} as const;
type Mark = keyof typeof MARK_COLOR;

/** The milestone's mark, from what the server decided (missed by its clock, confirmed by a reviewer). */
function markOf(m: PlanMilestones['tasks'][number]['milestones'][number]): Mark {
  if (m.actualOn !== null && m.confirmed) return 'reached';
  if (m.missed) return 'missed';
  if (m.actualOn !== null) return 'awaiting';
  return 'planned';
}

/**
 * The plan's timeline as a bar-based Gantt: one row per task (coloured by its status), a bar from its first to
 * its last milestone date, and each milestone as a diamond at its planned date (red when missed, green when
 * reached); a line marks today by the server's clock. The table view lists the same milestones.
 */
export function ganttSpec(data: PlanMilestones, t: Translate): ChartSpec<GanttRow> {
  const tasks = [...data.tasks].reverse(); // ECharts draws the first category at the bottom.
  const label = (task: (typeof tasks)[number]): string => `${task.number} ${task.title}`.slice(0, 24);
  const spans = tasks.map((task) => {
    const dates = task.milestones.flatMap((m) => [m.plannedOn, ...(m.actualOn ? [m.actualOn] : [])]).sort();
    const first = dates[0] ?? data.today;
    const last = dates.at(-1) ?? first;
    return { task, start: ms(first), end: ms(last) + DAY };
  });
  // The invisible offset bars start at 0: the axis is bounded to the milestones' span, a fortnight either side.
  const bounds = spans.flatMap((s) => [s.start, s.end]).concat(ms(data.today));
  const axisMin = Math.min(...bounds) - 15 * DAY;
  const axisMax = Math.max(...bounds) + 15 * DAY;
  const rows: GanttRow[] = data.tasks.flatMap((task) =>
    task.milestones.map((m) => ({
      key: m.id,
      task: `${task.number} ${task.title}`,
      milestone: m.name,
      plannedOn: m.plannedOn,
      actualOn: m.actualOn,
      state: t(`milestones.${markOf(m)}`),
    })),
  );
  const marks = (mark: Mark) =>
    tasks.flatMap((task) =>
      task.milestones
        .filter((m) => markOf(m) === mark)
        .map((m) => ({ value: [m.plannedOn, label(task)], name: m.name })),
    );
  return {
    rows,
    empty: data.tasks.length === 0 ? t('timeline.why.none') : null,
    option: {
      tooltip: { trigger: 'item', formatter: '{b}' },
      legend: { bottom: 0 },
      grid: { left: 200, right: 24, top: 16, bottom: 48 },
      xAxis: { type: 'time', min: axisMin, max: axisMax },
      yAxis: { type: 'category', data: tasks.map(label), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [
        {
          name: 'offset',
          type: 'bar',
          stack: 'span',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: spans.map((s) => s.start),
        },
        {
          name: t('timeline.span'),
          type: 'bar',
          stack: 'span',
          barWidth: 10,
          data: spans.map((s) => ({
            value: s.end - s.start,
            name: label(s.task),
            itemStyle: { color: STATUS_COLOR[s.task.status], opacity: 0.35 },
          })),
          markLine: {
            symbol: 'none',
            label: { formatter: t('timeline.today') },
            lineStyle: { color: '#595959', type: 'dashed' },
            data: [{ xAxis: ms(data.today) }],
          },
        },
        ...(Object.keys(MARK_COLOR) as Mark[]).map((mark) => ({
          name: t(`milestones.${mark}`),
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 12,
          itemStyle: { color: MARK_COLOR[mark] },
          data: marks(mark),
        })),
      ],
    },
  };
}
