import type { SupervisionLevel, SupervisionRuleKind, SupervisionRules } from '@yaodian/core';
import { meets, type AttainmentTarget } from './target-attainment.js';
import { elapsedPercent } from './task-status.js';
import { addWorkingDays, type WorkdayOverrides } from './working-days.js';

/*
 * The 督办 rules of a plan, evaluated for one day: pure, so each rule is tested firing and not firing.
 * Every finding concerns one task and one unit (and, for a target's rule, one target); its `key` names the
 * rule and those, so the caller issues no second notice while one for the same reason is open.
 */

export interface RulePeriod {
  id: string;
  label: string;
  endsOn: string;
  dueOn: string;
}

export interface RuleReport {
  unitId: string;
  periodId: string;
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  percent: number;
}

export interface RuleTarget extends AttainmentTarget {
  id: string;
  metric: string;
  /** The target's own deadline, else the task's. */
  deadline: string | null;
  /** Accepted actuals per unit, in period order: (period end, value). */
  actuals: readonly { unitId: string; endsOn: string; value: number }[];
}

export interface RuleTask {
  itemId: string;
  number: string;
  title: string;
  deadline: string | null;
  done: boolean;
  reportingUnitIds: readonly string[];
  reports: readonly RuleReport[];
  targets: readonly RuleTarget[];
}

export interface RuleInput {
  today: string;
  /** The plan year's first and last day: a task's span runs from the first to its deadline (or the last). */
  yearStart: string;
  yearEnd: string;
  rules: SupervisionRules;
  periods: readonly RulePeriod[];
  tasks: readonly RuleTask[];
  overrides?: WorkdayOverrides;
}

export interface RuleFinding {
  rule: Exclude<SupervisionRuleKind, 'manual'>;
  key: string;
  itemId: string;
  unitId: string;
  level: SupervisionLevel;
  /** Why, in the commission's words (shown on the notice and the 督办单). */
  reason: string;
}

const DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Least-squares line through (x, y); null when the x values do not spread. */
export function linearFit(
  points: readonly { x: number; y: number }[],
): { slope: number; intercept: number } | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Where a target's last `minPoints`+ accepted actuals, fitted by a line, reach at its deadline. */
export function projectedAt(
  actuals: readonly { endsOn: string; value: number }[],
  deadline: string,
  minPoints: number,
): number | null {
  if (actuals.length < Math.max(3, minPoints)) return null;
  const fit = linearFit(
    actuals.slice(-Math.max(3, minPoints)).map((a) => ({ x: dayNumber(a.endsOn), y: a.value })),
  );
  if (!fit) return null;
  return Math.round((fit.intercept + fit.slope * dayNumber(deadline)) * 100) / 100;
}

const round1 = (n: number): string => String(Math.round(n * 10) / 10);

function overdue(input: RuleInput, task: RuleTask, out: RuleFinding[]): void {
  const rule = input.rules.overdue;
  for (const unitId of task.reportingUnitIds) {
    // The oldest period still owed past its grace: one notice per task and unit names it.
    const owed = input.periods.find(
      (p) =>
        addWorkingDays(p.dueOn, rule.workingDays, input.overrides) <= input.today &&
        p.dueOn < input.today &&
        !task.reports.some(
          (r) =>
            r.unitId === unitId && r.periodId === p.id && (r.state === 'submitted' || r.state === 'accepted'),
        ),
    );
    if (owed)
      out.push({
        rule: 'overdue',
        key: `overdue:${task.itemId}:${unitId}`,
        itemId: task.itemId,
        unitId,
        level: rule.level,
        reason: `${owed.label}进展逾期${String(rule.workingDays)}个工作日以上未报送（应于${owed.dueOn}前报送）`,
      });
  }
}

function closedPeriods(input: RuleInput): RulePeriod[] {
  return input.periods.filter((p) => p.dueOn < input.today);
}

function latestAccepted(input: RuleInput, task: RuleTask, unitId: string): number {
  const ends = new Map(input.periods.map((p) => [p.id, p.endsOn]));
  let best: { endsOn: string; percent: number } | null = null;
  for (const r of task.reports) {
    if (r.unitId !== unitId || r.state !== 'accepted') continue;
    const endsOn = ends.get(r.periodId) ?? '';
    if (!best || best.endsOn < endsOn) best = { endsOn, percent: r.percent };
  }
  return best?.percent ?? 0;
}

function behind(input: RuleInput, task: RuleTask, out: RuleFinding[]): void {
  const rule = input.rules.behind;
  const deadline = task.deadline ?? input.yearEnd;
  const expected = elapsedPercent(input.yearStart, deadline, input.today);
  for (const unitId of task.reportingUnitIds) {
    const actual = latestAccepted(input, task, unitId);
    if (expected - actual >= rule.points)
      out.push({
        rule: 'behind',
        key: `behind:${task.itemId}:${unitId}`,
        itemId: task.itemId,
        unitId,
        level: rule.level,
        reason: `进度${String(actual)}%，落后序时进度（${String(expected)}%）${String(expected - actual)}个百分点`,
      });
  }
}

function stale(input: RuleInput, task: RuleTask, out: RuleFinding[]): void {
  const rule = input.rules.stale;
  const recent = closedPeriods(input).slice(-rule.periods);
  for (const unitId of task.reportingUnitIds) {
    if (
      recent.length === rule.periods &&
      !recent.some((p) =>
        task.reports.some((r) => r.unitId === unitId && r.periodId === p.id && r.state === 'accepted'),
      )
    ) {
      out.push({
        rule: 'stale',
        key: `stale:${task.itemId}:${unitId}`,
        itemId: task.itemId,
        unitId,
        level: rule.level,
        reason: `连续${String(rule.periods)}期无审核通过的进展报告（${recent.map((p) => p.label).join('、')}）`,
      });
      continue;
    }
    for (const target of task.targets) {
      const values = target.actuals.filter((a) => a.unitId === unitId).slice(-(rule.periods + 1));
      const last = values.at(-1);
      if (values.length <= rule.periods || !last) continue;
      if (values.some((v) => v.value !== last.value) || meets(target, last.value)) continue;
      out.push({
        rule: 'stale',
        key: `stale:${task.itemId}:${unitId}:${target.id}`,
        itemId: task.itemId,
        unitId,
        level: rule.level,
        reason: `指标“${target.metric}”连续${String(rule.periods)}期未变化（${String(last.value)}），尚未达标`,
      });
    }
  }
}

function returns(input: RuleInput, task: RuleTask, out: RuleFinding[]): void {
  const rule = input.rules.returns;
  const order = new Map(input.periods.map((p, i) => [p.id, i]));
  for (const unitId of task.reportingUnitIds) {
    const sent = task.reports
      .filter((r) => r.unitId === unitId && r.state !== 'draft')
      .sort((a, b) => (order.get(a.periodId) ?? 0) - (order.get(b.periodId) ?? 0))
      .slice(-rule.count);
    if (sent.length === rule.count && sent.every((r) => r.state === 'returned'))
      out.push({
        rule: 'returns',
        key: `returns:${task.itemId}:${unitId}`,
        itemId: task.itemId,
        unitId,
        level: rule.level,
        reason: `连续${String(rule.count)}期报告被退回`,
      });
  }
}

function trajectory(input: RuleInput, task: RuleTask, out: RuleFinding[]): void {
  const rule = input.rules.trajectory;
  for (const target of task.targets) {
    const deadline = target.deadline ?? task.deadline ?? input.yearEnd;
    if (deadline <= input.today) continue;
    for (const unitId of task.reportingUnitIds) {
      const projected = projectedAt(
        target.actuals.filter((a) => a.unitId === unitId),
        deadline,
        rule.minPoints,
      );
      if (projected === null || meets(target, projected)) continue;
      out.push({
        rule: 'trajectory',
        key: `trajectory:${task.itemId}:${unitId}:${target.id}`,
        itemId: task.itemId,
        unitId,
        level: rule.level,
        reason: `按近期趋势，指标“${target.metric}”到${deadline}预计为${round1(projected)}，达不到目标`,
      });
    }
  }
}

/** Every rule of the plan that fires today, for its unfinished tasks. */
export function evaluateSupervisionRules(input: RuleInput): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const task of input.tasks) {
    if (task.done) continue;
    if (input.rules.overdue.enabled) overdue(input, task, out);
    if (input.rules.behind.enabled) behind(input, task, out);
    if (input.rules.stale.enabled) stale(input, task, out);
    if (input.rules.returns.enabled) returns(input, task, out);
    if (input.rules.trajectory.enabled) trajectory(input, task, out);
  }
  return out;
}

const NEXT: Readonly<Record<SupervisionLevel, SupervisionLevel | null>> = {
  blue: 'yellow',
  yellow: 'red',
  red: null,
};

/** The level after this one on the ladder (蓝→黄→红); null at red. */
export function nextLevel(level: SupervisionLevel): SupervisionLevel | null {
  return NEXT[level];
}

/** A notice waiting on the unit (issued or signed) whose response date has passed escalates. */
export function dueForEscalation(
  notice: { status: string; level: SupervisionLevel; responseDue: string },
  today: string,
): boolean {
  return (
    (notice.status === 'issued' || notice.status === 'signed') &&
    notice.responseDue < today &&
    nextLevel(notice.level) !== null
  );
}

/** 督办〔2026〕12号 */
export function supervisionNumber(year: number, seq: number): string {
  return `督办〔${String(year)}〕${String(seq)}号`;
}
