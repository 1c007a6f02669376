import { z } from 'zod';
import { Id } from './common.js';
import { TASK_STATUSES } from './tasks.js';

const Completion = z.object({
  tasks: z.int(),
  done: z.int(),
  /** Mean accepted percent over the tasks, 0 where a task has no accepted report. */
  averagePercent: z.number(),
});

export const PlanSummaryReport = z.object({
  planId: Id,
  statusCounts: z.record(z.enum(TASK_STATUSES), z.int()),
  /** Only accepted reports count; these are the figures waiting beside them. */
  reports: z.object({ accepted: z.int(), pending: z.int(), returned: z.int() }),
  bySection: z.array(Completion.extend({ sectionId: Id.nullable(), title: z.string() })),
  byUnit: z.array(Completion.extend({ unitId: Id, name: z.string() })),
});

export const TargetAttainment = z.object({
  /** The share of the target value an '=' or '~' target may miss by on its unfavoured side (0.05 = 5 %). */
  tolerance: z.number(),
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
      /** Accepted actuals by period from the task's lead units, oldest first. */
      series: z.array(z.object({ periodId: Id, label: z.string(), endsOn: z.string(), value: z.number() })),
      /** The latest accepted actual. */
      latest: z.number().nullable(),
      /** How far `latest` is towards the target, 0–100, direction-aware; null before any accepted actual. */
      attainment: z.number().nullable(),
      /** Whether the latest accepted actual meets the target as written; null before any. */
      met: z.boolean().nullable(),
      /** The latest actual awaiting review (待审核), shown beside `latest`, never counted. */
      pending: z.object({ periodId: Id, label: z.string(), value: z.number() }).nullable(),
    }),
  ),
});

export const PlanText = z.object({ text: z.string() });
