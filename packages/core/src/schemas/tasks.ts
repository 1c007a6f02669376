import { z } from 'zod';
import { Id, IsoDate } from './common.js';

export const TASK_STATUSES = ['done', 'overdue', 'behind', 'at_risk', 'on_track', 'not_started'] as const;

export const UnitRef = z.object({ id: Id, name: z.string() });

export const Task = z.object({
  id: Id,
  planId: Id,
  sectionId: Id.nullable(),
  sectionTitle: z.string().nullable(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  deadline: IsoDate.nullable(),
  deadlineText: z.string().nullable(),
  leadUnits: z.array(UnitRef),
  supportUnits: z.array(UnitRef),
  /** Units that owe a report each period: the lead units, or all assigned units where none leads. */
  reportingUnits: z.array(UnitRef),
  status: z.enum(TASK_STATUSES),
  statusReason: z.string(),
  /** The lead units' accepted progress (mean of each one's latest accepted percent); null before any. */
  percent: z.int().nullable(),
  /** The narrative of the latest accepted report. */
  latestNarrative: z.string().nullable(),
  /**
   * Reports awaiting review (待审核), the latest first: shown beside the accepted figure, never instead of it.
   * `counted` is false for a supporting unit's contribution, which is reviewed and shown but never counts.
   */
  pending: z.array(
    z.object({ reportId: Id, unitId: Id, periodId: Id, percent: z.int(), counted: z.boolean() }),
  ),
});

/** Tasks come a page at a time, in plan order: `limit` (default 25, at most 200) after `cursor`. */
export const TASK_PAGE_DEFAULT = 25;
export const TASK_PAGE_MAX = 200;

export const TaskList = z.object({
  tasks: z.array(Task),
  /** Pass as `cursor` for the next page; null on the last page. A page may hold fewer than `limit` tasks. */
  nextCursor: z.string().nullable(),
});

export const TaskPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(TASK_PAGE_MAX).optional(),
  cursor: z.string().min(1).max(200).optional(),
});

export const TaskQuery = TaskPageQuery.extend({
  planId: Id.optional(),
  sectionId: Id.optional(),
  unitId: Id.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  dueBefore: IsoDate.optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskDto = z.infer<typeof Task>;

/**
 * One row of what the signed-in user owes: a task × one of the user's units that reports on it (a lead unit)
 * for the plan's current period, with that period's report if there is one. `owed` is the server's rule, the
 * one the reminders and the period's owed list use: the task is unfinished and nothing is submitted or
 * accepted for the period (a draft or a returned report still owes).
 */
export const OwedRow = z.object({
  task: z.object({
    id: Id,
    planId: Id,
    number: z.string(),
    title: z.string(),
    deadline: IsoDate.nullable(),
    deadlineText: z.string().nullable(),
    status: z.enum(TASK_STATUSES),
    percent: z.int().nullable(),
  }),
  plan: z.object({ id: Id, year: z.int(), title: z.string() }),
  unit: UnitRef,
  /** The plan's current period (the one containing today, else the latest begun, else the first); null without periods. */
  period: z
    .object({ id: Id, label: z.string(), startsOn: IsoDate, endsOn: IsoDate, dueOn: IsoDate })
    .nullable(),
  report: z
    .object({
      id: Id,
      state: z.enum(['draft', 'submitted', 'returned', 'accepted']),
      returnReason: z.string().nullable(),
    })
    .nullable(),
  owed: z.boolean(),
});

/** The counts the home cards and the 我的任务 table both show, from the same rows. */
export const OwedCounts = z.object({
  /** Task × unit rows the user's units report on. */
  rows: z.int(),
  /** Rows still owed this period (本期待填报). */
  owed: z.int(),
  /** Rows whose report awaits review. */
  submitted: z.int(),
  returned: z.int(),
});

/**
 * What the signed-in user's units owe: the current period's rows of every published plan (newest plan first,
 * then plan order), their counts, and every returned report of the user's units (any period) to send again.
 */
export const MyOwed = z.object({
  rows: z.array(OwedRow),
  counts: OwedCounts,
  returned: z.array(
    z.object({
      reportId: Id,
      taskNumber: z.string(),
      taskTitle: z.string(),
      periodLabel: z.string(),
      unitName: z.string(),
      returnReason: z.string().nullable(),
    }),
  ),
});

/** The home page's task figures over published plans: every task, or (mine) those the user's units lead or support. */
export const TaskOverviewQuery = z.object({ mine: z.enum(['true', 'false']).optional() });

export const TaskOverview = z.object({
  tasks: z.int(),
  /** 滞后: overdue and behind tasks, the rule the plan summary's `lagging` uses. */
  lagging: z.int(),
});

export type OwedRowDto = z.infer<typeof OwedRow>;
export type MyOwedDto = z.infer<typeof MyOwed>;
