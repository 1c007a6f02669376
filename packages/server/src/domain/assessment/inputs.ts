import type { AssessmentRules } from '@yaodian/core';
import type { CreditTarget } from '../target-attainment.js';

/** What the assessment is computed from; every date is a China date (YYYY-MM-DD). Pure data, no I/O. */

export interface AssessedUnit {
  id: string;
  name: string;
  kind: 'department' | 'affiliated' | 'county' | 'facility' | 'other';
}

export interface AssessedTask {
  id: string;
  title: string;
  /** The task's id, then its ancestors' nearest first: where its weight is looked up. */
  weightKeys: readonly string[];
  /** The units that owe its reports (its lead units). */
  reportingUnitIds: readonly string[];
}

export interface AssessedTarget extends CreditTarget {
  id: string;
  itemId: string;
  metric: string;
}

export interface AssessedPeriod {
  id: string;
  label: string;
  endsOn: string;
  dueOn: string;
}

export interface AssessedReport {
  itemId: string;
  unitId: string;
  periodId: string;
  percent: number;
  /** When it was (last) submitted; null for a draft. */
  submittedOn: string | null;
  /** When it was accepted; null unless accepted. */
  acceptedOn: string | null;
  /** When it was returned as without substance (无实质内容), or null. */
  noSubstanceOn: string | null;
  actuals: readonly { targetId: string; value: number }[];
}

export type SupervisionLevel = 'blue' | 'yellow' | 'red';

/**
 * A 督办 notice as the assessment deducts for it: the unit it was issued to, its level and the day it was
 * issued (an escalation to a higher level is a notice of its own). Supplied by the supervision work.
 */
export interface SupervisionNotice {
  unitId: string;
  level: SupervisionLevel;
  issuedOn: string;
  /** Its number, e.g. 督办〔2026〕12号, for the explanation; may be empty. */
  number: string;
}

export interface LeaderScore {
  unitId: string;
  score: number;
}

export interface AssessmentInput {
  /** Score as of this day: only what was submitted, accepted, returned or issued by then counts. */
  asOf: string;
  /** Periods due before this day (the plan's publication) owe nothing. */
  countsFrom: string | null;
  rules: AssessmentRules;
  units: readonly AssessedUnit[];
  tasks: readonly AssessedTask[];
  targets: readonly AssessedTarget[];
  periods: readonly AssessedPeriod[];
  reports: readonly AssessedReport[];
  supervision: readonly SupervisionNotice[];
  evaluations: readonly LeaderScore[];
}
