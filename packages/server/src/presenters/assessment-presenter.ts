import {
  AssessmentRules,
  AssessmentUnitScore,
  type AssessmentDto,
  type AssessmentRulesDto,
  type LeaderEvaluationDto,
} from '@yaodian/core';
import { z } from 'zod';
import type { EvaluationRecord } from '../repositories/assessment-repository.js';

/** Rules as stored (JSON), read back through the contract's schema so a stored row is always a valid rule set. */
export const parseRules = (stored: unknown): AssessmentRules => AssessmentRules.parse(stored);
const ScoredUnits = z.array(AssessmentUnitScore);
export const parseScores = (stored: unknown): AssessmentUnitScore[] => ScoredUnits.parse(stored);

/** A plan's rules: the rule set, whether it is the default, and the version to save against. */
export function presentRules(planId: string, rules: AssessmentRules, version: number): AssessmentRulesDto {
  return { planId, rules, isDefault: version === 0, version };
}

/** An assessment: the plan, the day it stands at, its rules, when it was published (or null), units ranked. */
export function presentAssessment(
  planId: string,
  asOf: string,
  rules: AssessmentRules,
  publishedAt: Date | null,
  units: AssessmentUnitScore[],
): AssessmentDto {
  return { planId, asOf, rules, publishedAt: publishedAt?.toISOString() ?? null, units };
}

/** A leader's evaluation: unit, evaluator (id and display name), score, note, when. */
export function presentEvaluation(e: EvaluationRecord): LeaderEvaluationDto {
  return {
    unitId: e.unit_id,
    evaluatorId: e.evaluator_id,
    evaluatorName: e.evaluator_name,
    score: e.score,
    note: e.note,
    evaluatedAt: e.evaluated_at.toISOString(),
  };
}
