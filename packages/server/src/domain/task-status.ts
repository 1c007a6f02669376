import type { TaskStatus } from '@yaodian/core';
import { firstMissed, type MilestoneDates } from './milestones.js';

/** 滞后 (lagging): the statuses the plan summary and the home page count as lagging behind. */
export const LAGGING_STATUSES: readonly TaskStatus[] = ['overdue', 'behind'];

export interface StatusReport {
  unitId: string;
  periodId: string;
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  percent: number;
  /** The period's end, to order reports. */
  periodEndsOn: string;
}

export interface StatusTarget {
  metric: string;
  op: '>=' | '<=' | '=' | '~' | 'range';
  value: number | null;
  lo: number | null;
  hi: number | null;
  direction: 'higher' | 'lower';
  baseline: number | null;
  /** The latest accepted actual, if any: a figure awaiting review or sent back does not count. */
  latestActual: number | null;
}

export interface StatusInput {
  /** Today, YYYY-MM-DD (China time). */
  today: string;
  /** When the task's time starts counting: the plan year's first day. */
  startsOn: string;
  /** The task's deadline, or the plan year's last day. */
  deadline: string;
  reportingUnitIds: readonly string[];
  reports: readonly StatusReport[];
  /** Periods whose due date has passed since the plan was published. */
  closedPeriodIds: readonly string[];
  targets: readonly StatusTarget[];
  /** The task's milestones, each with its confirmed actual date (or null). */
  milestones: readonly MilestoneDates[];
  thresholds: { behindPoints: number; atRiskPoints: number };
}

/** Why a task has its status, as a stable code beside the sentence shown to people (stored with it). */
export const STATUS_REASON_CODES = [
  'accepted_complete',
  'deadline_passed',
  'milestone_missed',
  'closed_periods_unreported',
  'progress_behind',
  'progress_lagging',
  'target_off_course',
  'no_progress',
  'on_pace',
] as const;
export type StatusReasonCode = (typeof STATUS_REASON_CODES)[number];

export interface StatusResult {
  status: TaskStatus;
  code: StatusReasonCode;
  reason: string;
  /** Mean of each reporting (lead) unit's latest accepted percent (0 for a unit without one). */
  percent: number | null;
}

const DAY = 86_400_000;
const days = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;

/** Share of the task's time gone by, 0–100 (序时进度). */
export function elapsedPercent(startsOn: string, deadline: string, today: string): number {
  const total = days(startsOn, deadline);
  if (total <= 0) return today >= deadline ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((days(startsOn, today) / total) * 100)));
}

/** A target is off course when its latest actual is on the wrong side of where it should be by now. */
export function offCourse(target: StatusTarget, elapsed: number): boolean {
  const actual = target.latestActual;
  if (actual === null) return false;
  if (target.op === 'range')
    return target.lo !== null && target.hi !== null && (actual < target.lo || actual > target.hi);
  if (target.value === null) return false;
  if (target.direction === 'lower') {
    // A ceiling holds all year; a planned fall is expected pro rata from the baseline.
    if (target.op === '<=' || target.baseline === null) return actual > target.value;
    return actual > target.baseline - (target.baseline - target.value) * (elapsed / 100);
  }
  const from = target.baseline ?? 0;
  return actual < from + (target.value - from) * (elapsed / 100);
}

function latestPerUnit(
  reports: readonly StatusReport[],
  unitIds: readonly string[],
): Map<string, StatusReport> {
  const latest = new Map<string, StatusReport>();
  for (const r of reports) {
    // Only reviewed figures count: a submitted report waits beside them (待审核), a returned one never counts.
    if (r.state !== 'accepted' || !unitIds.includes(r.unitId)) continue;
    const seen = latest.get(r.unitId);
    if (!seen || seen.periodEndsOn < r.periodEndsOn) latest.set(r.unitId, r);
  }
  return latest;
}

/** done → overdue → behind (a missed milestone first) → at risk → not started → on track, each with the reason shown to people. */
export function computeTaskStatus(input: StatusInput): StatusResult {
  const units =
    input.reportingUnitIds.length > 0
      ? input.reportingUnitIds
      : [...new Set(input.reports.map((r) => r.unitId))];
  const latest = latestPerUnit(input.reports, units);
  const percent =
    latest.size === 0
      ? null
      : Math.round(
          units.reduce((sum, u) => sum + (latest.get(u)?.percent ?? 0), 0) / Math.max(units.length, 1),
        );
  const acceptedFull = input.reports.some((r) => r.state === 'accepted' && r.percent === 100);
  if (acceptedFull)
    return {
      status: 'done',
      code: 'accepted_complete',
      reason: '已有审核通过的完成报告（100%）',
      percent: 100,
    };
  if (input.today > input.deadline)
    return {
      status: 'overdue',
      code: 'deadline_passed',
      reason: `已过完成时限（${input.deadline}），尚未完成`,
      percent,
    };

  // A milestone date passed unmet keeps the task red until its actual date is confirmed (督办: red until made up).
  const missed = firstMissed(input.milestones, input.today);
  if (missed)
    return {
      status: 'behind',
      code: 'milestone_missed',
      reason: `里程碑“${missed.name}”计划${missed.plannedOn}完成，尚未完成`,
      percent,
    };

  const elapsed = elapsedPercent(input.startsOn, input.deadline, input.today);
  const gap = elapsed - (percent ?? 0);
  const missing = input.closedPeriodIds.filter((periodId) =>
    units.some(
      (unitId) =>
        !input.reports.some((r) => r.periodId === periodId && r.unitId === unitId && r.state === 'accepted'),
    ),
  );
  if (missing.length > 0)
    return {
      status: 'behind',
      code: 'closed_periods_unreported',
      reason: `有${missing.length}个已截止的报告期没有审核通过的报告`,
      percent,
    };
  if (gap > input.thresholds.behindPoints)
    return {
      status: 'behind',
      code: 'progress_behind',
      reason: `进度${percent ?? 0}%落后序时进度${elapsed}%超过${input.thresholds.behindPoints}个百分点`,
      percent,
    };
  // Before its first report a task is "not started" rather than at risk, until it is plainly behind.
  if (gap >= input.thresholds.atRiskPoints && percent !== null) {
    return {
      status: 'at_risk',
      code: 'progress_lagging',
      reason: `进度${percent}%落后序时进度${elapsed}%达${gap}个百分点`,
      percent,
    };
  }
  const stray = input.targets.find((t) => offCourse(t, elapsed));
  if (stray)
    return {
      status: 'at_risk',
      code: 'target_off_course',
      reason: `指标“${stray.metric}”最新值${stray.latestActual ?? ''}偏离目标`,
      percent,
    };
  if (percent === null || percent === 0)
    return { status: 'not_started', code: 'no_progress', reason: '尚无进展报告', percent };
  return { status: 'on_track', code: 'on_pace', reason: `进度${percent}%，序时进度${elapsed}%`, percent };
}
