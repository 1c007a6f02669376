import { z } from 'zod';
import { Id } from './common.js';
import { TARGET_OPS } from './plans.js';
import { Task, TASK_STATUSES } from './tasks.js';

const Completion = z.object({
  tasks: z.int(),
  done: z.int(),
  /** Share of the tasks done, 0–100, one decimal. */
  completion: z.number(),
  /** Mean accepted percent over the tasks, 0 where a task has no accepted report. */
  averagePercent: z.number(),
});

const StatusCounts = z.record(z.enum(TASK_STATUSES), z.int());

export const PlanSummaryReport = z.object({
  planId: Id,
  /** The whole plan; `lagging` counts the overdue and behind tasks. */
  overall: Completion.extend({ lagging: z.int() }),
  statusCounts: StatusCounts,
  /** Only accepted reports count; these are the figures waiting beside them. */
  reports: z.object({ accepted: z.int(), pending: z.int(), returned: z.int() }),
  /** In plan order; tasks outside any section come under a null section. */
  bySection: z.array(
    Completion.extend({ sectionId: Id.nullable(), number: z.string().nullable(), title: z.string() }),
  ),
  /** Units that owe reports (lead units), highest average progress first. */
  byUnit: z.array(Completion.extend({ unitId: Id, name: z.string() })),
  /** Unit × status: how many of each assigned unit's tasks (lead or supporting) are in each status, by name. */
  byUnitStatus: z.array(z.object({ unitId: Id, name: z.string(), counts: StatusCounts })),
  /** Overdue, then behind, then at-risk tasks; earliest deadline first within each. */
  risks: z.array(
    Task.pick({
      id: true,
      planId: true,
      number: true,
      title: true,
      leadUnits: true,
      deadline: true,
      deadlineText: true,
      status: true,
      statusReason: true,
    }),
  ),
});

export const TargetAttainment = z.object({
  /** The share of the target value an '=' or '~' target may miss by on its unfavoured side (0.05 = 5 %). */
  tolerance: z.number(),
  targets: z.array(
    z.object({
      targetId: Id,
      itemId: Id,
      metric: z.string(),
      op: z.enum(TARGET_OPS),
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

/**
 * The 通报 of a period: which period, and the document number when the office has assigned one
 * (临卫督〔2026〕3号); without it the document leaves the number blank to be filled by hand.
 */
export const BulletinQuery = z.object({
  periodId: Id,
  docNumber: z.string().trim().min(1).max(40).optional(),
});
