import type { AssessmentLine, AssessmentLineKind, AssessmentRules, AssessmentUnitScore } from '@yaodian/core';
import { reportTiming } from '../report-timing.js';
import { attainmentCredit } from '../target-attainment.js';
import type {
  AssessedReport,
  AssessedTask,
  AssessedUnit,
  AssessmentInput,
  SupervisionLevel,
} from './inputs.js';

/*
 * The annual assessment's scoring: pure, from the rules (data) and what the units did by `asOf`. Every point a
 * unit gets or loses is a line ("−10：2026年3月未报", "+8.5：目标「新增托位」完成85%"); lines are rounded to
 * two decimals and the score is their sum, so the explanation always adds up to the score.
 */

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** 8.5, 10, 0.33: at most two decimals, no trailing zeros. */
export function formatPoints(n: number): string {
  return String(round2(Math.abs(n)));
}

function line(kind: AssessmentLineKind, points: number, what: string): AssessmentLine {
  const rounded = round2(points);
  const sign = rounded < 0 ? '−' : '+';
  return { kind, points: rounded, text: `${sign}${formatPoints(rounded)}：${what}` };
}

const percentText = (fraction: number): string => `${String(Math.round(fraction * 1000) / 10)}%`;

/** A task's weight: its own, else its nearest ancestor's (a section's), else 1. */
function weightOf(task: AssessedTask, weights: ReadonlyMap<string, number>): number {
  for (const key of task.weightKeys) {
    const w = weights.get(key);
    if (w !== undefined) return w;
  }
  return 1;
}

/** The unit's latest report on a task accepted by `asOf` (latest period first). */
function latestAccepted(
  reports: readonly AssessedReport[],
  periodEnd: ReadonlyMap<string, string>,
  asOf: string,
): AssessedReport | undefined {
  return reports
    .filter((r) => r.acceptedOn !== null && r.acceptedOn <= asOf)
    .sort((a, b) => (periodEnd.get(b.periodId) ?? '').localeCompare(periodEnd.get(a.periodId) ?? ''))[0];
}

const LEVEL_NAMES: Readonly<Record<SupervisionLevel, string>> = { blue: '蓝色', yellow: '黄色', red: '红色' };
const LEVEL_RULE: Readonly<Record<SupervisionLevel, keyof AssessmentRules['deductions']>> = {
  blue: 'supervisionBlue',
  yellow: 'supervisionYellow',
  red: 'supervisionRed',
};

interface UnitContext {
  input: AssessmentInput;
  unit: AssessedUnit;
  tasks: AssessedTask[];
  reports: AssessedReport[];
  periodEnd: ReadonlyMap<string, string>;
  weights: ReadonlyMap<string, number>;
}

function workLines(ctx: UnitContext): AssessmentLine[] {
  const { input, tasks, reports, periodEnd, weights } = ctx;
  const { rules, asOf } = input;
  const lines: AssessmentLine[] = [];
  const totalWeight = tasks.reduce((sum, t) => sum + weightOf(t, weights), 0);
  const taskIds = new Set(tasks.map((t) => t.id));
  const targets = input.targets.filter(
    (t) => taskIds.has(t.itemId) && (t.value !== null || t.op === 'range'),
  );
  // A unit whose tasks carry no targets is scored on completion alone: the target points join completion.
  const completionPool =
    targets.length === 0 ? rules.completionPoints + rules.targetPoints : rules.completionPoints;
  if (targets.length === 0 && rules.targetPoints > 0)
    lines.push(
      line('target', 0, `所牵头任务无量化指标，指标分${formatPoints(rules.targetPoints)}分计入任务完成分`),
    );

  for (const task of tasks) {
    if (totalWeight <= 0 || completionPool <= 0) break;
    const share = (completionPool * weightOf(task, weights)) / totalWeight;
    if (share <= 0) continue;
    const latest = latestAccepted(
      reports.filter((r) => r.itemId === task.id),
      periodEnd,
      asOf,
    );
    const full = `（满分${formatPoints(share)}）`;
    lines.push(
      latest
        ? line(
            'completion',
            (share * latest.percent) / 100,
            `任务「${task.title}」完成${String(latest.percent)}%${full}`,
          )
        : line('completion', 0, `任务「${task.title}」尚无审核通过的进展${full}`),
    );
  }

  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const targetWeight = (itemId: string): number => {
    const task = taskById.get(itemId);
    return task ? weightOf(task, weights) : 0;
  };
  const totalTargetWeight = targets.reduce((sum, t) => sum + targetWeight(t.itemId), 0);
  for (const target of targets) {
    if (totalTargetWeight <= 0 || rules.targetPoints <= 0) break;
    const share = (rules.targetPoints * targetWeight(target.itemId)) / totalTargetWeight;
    if (share <= 0) continue;
    const latest = latestAccepted(
      reports.filter((r) => r.itemId === target.itemId && r.actuals.some((a) => a.targetId === target.id)),
      periodEnd,
      asOf,
    );
    const actual = latest?.actuals.find((a) => a.targetId === target.id)?.value ?? null;
    const credit = attainmentCredit(target, actual);
    const full = `（满分${formatPoints(share)}）`;
    lines.push(
      credit === null
        ? line('target', 0, `目标「${target.metric}」尚无审核通过的实际值${full}`)
        : line('target', share * credit, `目标「${target.metric}」完成${percentText(credit)}${full}`),
    );
  }
  return lines;
}

function deductionLines(ctx: UnitContext): AssessmentLine[] {
  const { input, unit, tasks, reports, periodEnd } = ctx;
  const { rules, asOf } = input;
  const d = rules.deductions;
  const lines: AssessmentLine[] = [];
  const due = input.periods
    .filter((p) => p.dueOn < asOf && (input.countsFrom === null || p.dueOn >= input.countsFrom))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  for (const period of due) {
    // A task completed (accepted at 100%) in an earlier period owes nothing more.
    const owed = tasks.filter(
      (task) =>
        !reports.some(
          (r) =>
            r.itemId === task.id &&
            r.percent === 100 &&
            r.acceptedOn !== null &&
            r.acceptedOn <= asOf &&
            (periodEnd.get(r.periodId) ?? '') < period.endsOn,
        ),
    );
    const timing = (task: AssessedTask) =>
      reportTiming(
        reports.find((r) => r.itemId === task.id && r.periodId === period.id)?.submittedOn ?? null,
        period.dueOn,
        asOf,
      );
    const missing = owed.filter((task) => timing(task) === 'missing');
    const late = owed.filter((task) => timing(task) === 'late');
    if (missing.length > 0 && d.missingReport > 0)
      lines.push(
        line('missing_report', -d.missingReport, `${period.label}未报（${String(missing.length)}项任务）`),
      );
    else if (late.length > 0 && d.lateReport > 0)
      lines.push(line('late_report', -d.lateReport, `${period.label}迟报（${String(late.length)}项任务）`));
  }
  const periodLabel = new Map(input.periods.map((p) => [p.id, p.label]));
  const title = new Map(tasks.map((t) => [t.id, t.title]));
  if (d.noSubstance > 0)
    for (const r of reports.filter((x) => x.noSubstanceOn !== null && x.noSubstanceOn <= asOf))
      lines.push(
        line(
          'no_substance',
          -d.noSubstance,
          `任务「${title.get(r.itemId) ?? ''}」${periodLabel.get(r.periodId) ?? ''}报告被退回（无实质内容）`,
        ),
      );
  for (const notice of input.supervision.filter((n) => n.unitId === unit.id && n.issuedOn <= asOf)) {
    const points = d[LEVEL_RULE[notice.level]];
    if (points > 0)
      lines.push(
        line(
          'supervision',
          -points,
          `${LEVEL_NAMES[notice.level]}督办${notice.number ? `（${notice.number}）` : ''}`,
        ),
      );
  }
  const total = -lines.reduce((sum, l) => sum + l.points, 0);
  if (rules.maxDeduction !== null && total > rules.maxDeduction)
    lines.push(
      line('deduction_cap', total - rules.maxDeduction, `扣分以${formatPoints(rules.maxDeduction)}分为限`),
    );
  return lines;
}

function leaderLine(input: AssessmentInput, unitId: string): AssessmentLine | null {
  const points = input.rules.leaderEvaluationPoints;
  if (points <= 0) return null;
  const scores = input.evaluations.filter((e) => e.unitId === unitId).map((e) => e.score);
  if (scores.length === 0)
    return line('leader_evaluation', 0, `领导评价尚未录入（满分${formatPoints(points)}）`);
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return line(
    'leader_evaluation',
    (points * mean) / 100,
    `领导评价${formatPoints(mean)}分（${String(scores.length)}位领导，满分${formatPoints(points)}）`,
  );
}

/** 保底: when the lines add up below the floor, the line that lifts the score to it, saying from what. */
function floorLine(minScore: number | null, total: number): AssessmentLine | null {
  if (minScore === null || total >= minScore) return null;
  return line(
    'floor',
    minScore - total,
    `保底：各项合计${total < 0 ? '−' : ''}${formatPoints(total)}分，低于最低分${formatPoints(minScore)}分，按${formatPoints(minScore)}分计`,
  );
}

/** Competition ranking (1, 1, 3) by score, highest first. */
function ranks(scores: readonly { id: string; score: number }[]): Map<string, number> {
  const sorted = [...scores].sort((a, b) => b.score - a.score);
  const result = new Map<string, number>();
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    result.set(s.id, prev && prev.score === s.score ? (result.get(prev.id) ?? i + 1) : i + 1);
  });
  return result;
}

/**
 * Every unit that leads at least one task, scored and ranked (overall and among units of its kind, e.g. the
 * county bureaux), highest first (ties by name).
 */
export function scoreUnits(input: AssessmentInput): AssessmentUnitScore[] {
  const weights = new Map(input.rules.weights.map((w) => [w.itemId, w.weight]));
  const periodEnd = new Map(input.periods.map((p) => [p.id, p.endsOn]));
  const scored = input.units.flatMap((unit) => {
    const tasks = input.tasks.filter((t) => t.reportingUnitIds.includes(unit.id));
    if (tasks.length === 0) return [];
    const taskIds = new Set(tasks.map((t) => t.id));
    const reports = input.reports.filter((r) => r.unitId === unit.id && taskIds.has(r.itemId));
    const ctx: UnitContext = { input, unit, tasks, reports, periodEnd, weights };
    const lines: AssessmentLine[] = [];
    if (input.rules.baseScore !== 0) lines.push(line('base', input.rules.baseScore, '基础分'));
    lines.push(...workLines(ctx), ...deductionLines(ctx));
    const leader = leaderLine(input, unit.id);
    if (leader) lines.push(leader);
    const floor = floorLine(input.rules.minScore, round2(lines.reduce((sum, l) => sum + l.points, 0)));
    if (floor) lines.push(floor);
    const score = round2(lines.reduce((sum, l) => sum + l.points, 0));
    return [{ unit, score, lines }];
  });
  const overall = ranks(scored.map((s) => ({ id: s.unit.id, score: s.score })));
  const byKind = new Map<string, Map<string, number>>();
  for (const kind of new Set(scored.map((s) => s.unit.kind)))
    byKind.set(
      kind,
      ranks(scored.filter((s) => s.unit.kind === kind).map((s) => ({ id: s.unit.id, score: s.score }))),
    );
  return scored
    .map((s) => ({
      unitId: s.unit.id,
      unitName: s.unit.name,
      unitKind: s.unit.kind,
      score: s.score,
      rank: overall.get(s.unit.id) ?? 0,
      kindRank: byKind.get(s.unit.kind)?.get(s.unit.id) ?? 0,
      lines: s.lines,
    }))
    .sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}
