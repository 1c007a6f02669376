import type { AssessmentRules } from '@yaodian/core';

/**
 * The default rule set, modelled on published 目标管理责任制考核细则: 100 points, of which 50 for completing the
 * tasks a unit leads, 30 for the targets of those tasks and 20 for the leaders' evaluation (领导评价); minus 10
 * per period with a missing report (未报), 2 per period reported late (迟报), 5 per report returned as without
 * substance (无实质内容), 2/3/5 per blue/yellow/red 督办 notice; never below 0 (保底). A plan starts from these and edits them.
 */
export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = {
  baseScore: 0,
  completionPoints: 50,
  targetPoints: 30,
  leaderEvaluationPoints: 20,
  deductions: {
    missingReport: 10,
    lateReport: 2,
    noSubstance: 5,
    supervisionBlue: 2,
    supervisionYellow: 3,
    supervisionRed: 5,
  },
  maxDeduction: null,
  minScore: 0,
  weights: [],
};
