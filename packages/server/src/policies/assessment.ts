import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize } from './authorize.js';

/*
 * The annual assessment. Whoever reads the plan reads its rules, scores and explanations (the rules behind a
 * score are never hidden); plan editors set the rules; publishing freezes it (plan publishers); the export is
 * data leaving the system (plan.export); leaders enter their evaluation of units (assessment.evaluate).
 */
export type AssessmentAction = 'read' | 'rules' | 'publish' | 'export' | 'evaluate';

const NEEDS: Readonly<Record<AssessmentAction, Action>> = {
  read: 'plan.read',
  rules: 'plan.edit',
  publish: 'plan.publish',
  export: 'plan.export',
  evaluate: 'assessment.evaluate',
};

/** The first line of an assessment service method. */
export function authorizeAssessment(actor: Actor, action: AssessmentAction): void {
  authorize(actor, NEEDS[action]);
}
