import { z } from 'zod';
import { Id } from './common.js';
import { TASK_STATUSES } from './tasks.js';

const Completion = z.object({
  tasks: z.int(),
  done: z.int(),
  /** Mean latest percent over the tasks, 0 where a task has no report. */
  averagePercent: z.number(),
});

export const PlanSummaryReport = z.object({
  planId: Id,
  statusCounts: z.record(z.enum(TASK_STATUSES), z.int()),
  bySection: z.array(Completion.extend({ sectionId: Id.nullable(), title: z.string() })),
  byUnit: z.array(Completion.extend({ unitId: Id, name: z.string() })),
});

export const TargetAttainment = z.object({
  targets: z.array(
    z.object({
      targetId: Id,
      itemId: Id,
      metric: z.string(),
      op: z.string(),
      value: z.number().nullable(),
      lo: z.number().nullable(),
      hi: z.number().nullable(),
      unit: z.string(),
      direction: z.enum(['higher', 'lower']),
      /** Reported actuals by period (submitted or accepted reports), oldest first. */
      series: z.array(z.object({ periodId: Id, label: z.string(), endsOn: z.string(), value: z.number() })),
      latest: z.number().nullable(),
      /** Whether the latest actual meets the target as written; null before any actual. */
      met: z.boolean().nullable(),
    }),
  ),
});

export const PlanText = z.object({ text: z.string() });
