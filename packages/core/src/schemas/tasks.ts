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
