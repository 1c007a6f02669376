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
