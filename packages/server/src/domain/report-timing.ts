/*
 * The one definition of a late or missing report, shared by the 通报's reporting ranking
 * (`domain/period-reporting.ts`) and the annual assessment's deductions (`domain/assessment/score-units.ts`).
 * A report is sent when it left draft (submitted, returned or accepted); the day that counts is its last
 * submission (a report returned and sent again after the due date is late). It is on time when sent on or
 * before the period's due date, late when sent after it, missing when not sent — as of a day, if one is given
 * (a report sent after that day was still missing on it).
 */

export type ReportTiming = 'on_time' | 'late' | 'missing';

/**
 * @param submittedOn the China day the report was last submitted, YYYY-MM-DD; null when there is no report or it
 *   is a draft never sent
 * @param dueOn the period's due date
 * @param asOf the day the question is asked about; undefined: now (every submission so far counts)
 */
export function reportTiming(submittedOn: string | null, dueOn: string, asOf?: string): ReportTiming {
  if (submittedOn === null || (asOf !== undefined && submittedOn > asOf)) return 'missing';
  return submittedOn <= dueOn ? 'on_time' : 'late';
}
