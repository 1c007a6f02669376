import { z } from 'zod';
import { Id, IsoDate } from './common.js';

export const PERIOD_KINDS = ['monthly', 'quarterly'] as const;

export const Period = z.object({
  id: Id,
  planId: Id,
  kind: z.enum(PERIOD_KINDS),
  label: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  dueOn: IsoDate,
});

/** The plan's periods in order, and the one a report is owed for today (`currentId`; null without periods). */
export const PeriodList = z.object({ periods: z.array(Period), currentId: Id.nullable() });

/** One period per month (or quarter) of the plan's year, due on `dueDay` of its last month. */
export const GeneratePeriodsRequest = z.object({
  kind: z.enum(PERIOD_KINDS),
  dueDay: z.int().min(1).max(28).default(25),
});

export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PeriodParams = z.object({ planId: Id, periodId: Id });

/** Moves a period's due date (a holiday, a meeting); it may not fall before the period starts. */
export const UpdatePeriodRequest = z.object({
  dueOn: IsoDate,
  label: z.string().trim().min(1).max(50).optional(),
});

/**
 * Who still owes a report for a period: each unit with the unfinished tasks it reports on and has nothing
 * submitted or accepted for (a draft or a returned report still owes), most tasks first. The same rule the
 * reminders chase.
 */
export const OwedUnits = z.object({
  units: z.array(
    z.object({
      unitId: z.uuid(),
      name: z.string(),
      tasks: z.array(z.object({ id: z.uuid(), number: z.string(), title: z.string() })),
    }),
  ),
});

export type OwedUnits = z.infer<typeof OwedUnits>;
