import { z } from 'zod';
import { Id } from './common.js';
import { PeriodParams } from './periods.js';

/** Values in bulk (issue 10, part 4): target actuals and progress for one period, from a sheet or a system. */
export const BULK_VALUE_LIMITS = {
  /** Rows of one upload or push. */
  maxRows: 2000,
  /** Bytes of one uploaded .xlsx or .csv. */
  maxBytes: 5 * 1024 * 1024,
} as const;

export const ValuesParams = PeriodParams;

/** One value a system pushes: a target's actual and (or) the task's progress, for one of its units. */
export const PushedValue = z.object({
  itemId: Id,
  unitId: Id,
  /** Absent: a progress-only line for a task without targets (or with its targets left out). */
  targetId: Id.optional(),
  value: z.number().optional(),
  percent: z.number().int().min(0).max(100),
  note: z.string().max(500).optional(),
});

export const PushValuesRequest = z.object({
  planId: Id,
  periodId: Id,
  values: z.array(PushedValue).min(1).max(BULK_VALUE_LIMITS.maxRows),
});

/** What one line of an upload (or push) would change; `errors` name its row and column. */
export const BulkLine = z.object({
  /** The sheet's row number (1-based), or the pushed value's position (1-based). */
  row: z.int(),
  itemId: Id.nullable(),
  unitId: Id.nullable(),
  targetId: Id.nullable(),
  taskNumber: z.string(),
  taskTitle: z.string(),
  unitName: z.string(),
  metric: z.string(),
  /** The latest accepted value of the target from this unit (before this upload), if any. */
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  percent: z.number().nullable(),
  errors: z.array(z.string()),
});

export const BulkPreview = z.object({
  lines: z.array(BulkLine),
  /** Reports the upload would create (one per task and unit). */
  reports: z.int(),
  valid: z.boolean(),
  /** Whether the plan accepts bulk values directly (else they wait for review like any report). */
  acceptedDirectly: z.boolean(),
});

export const BulkResult = z.object({
  /** Reports made by this request; 0 when it repeated an earlier one (same file or Idempotency-Key). */
  created: z.int(),
  /** Reports an earlier identical request made, answered again. */
  replayed: z.int(),
  values: z.int(),
  state: z.enum(['submitted', 'accepted']),
  reportIds: z.array(Id),
});

export type PushValuesRequest = z.infer<typeof PushValuesRequest>;
export type BulkLine = z.infer<typeof BulkLine>;
export type BulkPreview = z.infer<typeof BulkPreview>;
export type BulkResult = z.infer<typeof BulkResult>;
