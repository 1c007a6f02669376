import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { UNIT_KINDS } from './units.js';

const Points = z.number().min(0).max(1000);
const Deduction = z.number().min(0).max(100);

/**
 * The annual assessment's rules, as data edited per plan (no rule lives in code). A unit's score:
 * `baseScore`
 * + `completionPoints` shared over the tasks it leads by weight, each earning its share × accepted percent
 * + `targetPoints` shared over those tasks' targets by their task's weight, each earning its share × attainment
 *   (direction-aware; with a baseline, linear between baseline and target)
 * − a deduction per period with a report missing, per period reported late, per report returned as without
 *   substance (无实质内容), per 督办 notice by level (capped at `maxDeduction` when set)
 * + `leaderEvaluationPoints` × the leaders' mean evaluation / 100,
 * and never below `minScore` (保底, default 0; null: no floor): a unit whose deductions exceed what it earned
 * scores the floor, and its explanation says by how much the floor lifted it.
 * `weights` give a section or a task a weight (default 1); a task takes its own, else its nearest section's.
 */
export const AssessmentRules = z.object({
  baseScore: Points,
  completionPoints: Points,
  targetPoints: Points,
  leaderEvaluationPoints: Points,
  deductions: z.object({
    missingReport: Deduction,
    lateReport: Deduction,
    noSubstance: Deduction,
    supervisionBlue: Deduction,
    supervisionYellow: Deduction,
    supervisionRed: Deduction,
  }),
  maxDeduction: Points.nullable(),
  /** The lowest score a unit can get (保底); rules saved before it existed read as 0. */
  minScore: Points.nullable().default(0),
  weights: z.array(z.object({ itemId: Id, weight: z.number().min(0).max(100) })).max(5000),
});

export const AssessmentRulesDto = z.object({
  planId: Id,
  rules: AssessmentRules,
  /** Whether these are the default rules (nothing saved for the plan yet). */
  isDefault: z.boolean(),
  /** 0 while the default applies; the saved row's version after. */
  version: z.int().min(0),
});

export const SaveAssessmentRulesRequest = z.object({
  /** The version read (0 for the default rules). */
  version: z.int().min(0),
  rules: AssessmentRules,
});

export const ASSESSMENT_LINE_KINDS = [
  'base',
  'completion',
  'target',
  'missing_report',
  'late_report',
  'no_substance',
  'supervision',
  'deduction_cap',
  'leader_evaluation',
  'floor',
] as const;

/** One explained point: "−10：3月未报", "+8.5：目标「新增托位」完成85%". */
export const AssessmentLine = z.object({
  kind: z.enum(ASSESSMENT_LINE_KINDS),
  points: z.number(),
  text: z.string(),
});

export const AssessmentUnitScore = z.object({
  unitId: Id,
  unitName: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  score: z.number(),
  /** 1 = best, ties share a rank; `kindRank` within units of the same kind (e.g. the county bureaux). */
  rank: z.int(),
  kindRank: z.int(),
  lines: z.array(AssessmentLine),
});

export const AssessmentDto = z.object({
  planId: Id,
  asOf: IsoDate,
  rules: AssessmentRules,
  /** Set when this is the published (frozen) assessment. */
  publishedAt: z.string().nullable(),
  units: z.array(AssessmentUnitScore),
});

export const AssessmentQuery = z.object({
  /** Score as of this date (default: today by the server's clock). */
  asOf: IsoDate.optional(),
});

export const PublishAssessmentRequest = z.object({ asOf: IsoDate });

export const LeaderEvaluationDto = z.object({
  unitId: Id,
  evaluatorId: Id,
  evaluatorName: z.string(),
  score: z.number(),
  note: z.string(),
  evaluatedAt: z.string(),
});
export const LeaderEvaluationList = z.object({ evaluations: z.array(LeaderEvaluationDto) });
export const SaveLeaderEvaluationRequest = z.object({
  score: z.number().min(0).max(100),
  note: z.string().trim().max(500).default(''),
});

export type AssessmentRules = z.infer<typeof AssessmentRules>;
export type AssessmentRulesDto = z.infer<typeof AssessmentRulesDto>;
export type AssessmentLine = z.infer<typeof AssessmentLine>;
export type AssessmentLineKind = (typeof ASSESSMENT_LINE_KINDS)[number];
export type AssessmentUnitScore = z.infer<typeof AssessmentUnitScore>;
export type AssessmentDto = z.infer<typeof AssessmentDto>;
export type LeaderEvaluationDto = z.infer<typeof LeaderEvaluationDto>;
