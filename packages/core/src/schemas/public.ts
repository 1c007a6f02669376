import { z } from 'zod';
import { PlanParams, TARGET_OPS } from './plans.js';
import { TASK_STATUSES } from './tasks.js';

/** 公示 (issue 10, part 5): a plan shown read-only without sign-in. No person, no user id, no narrative. */
export const PublicPlanParams = z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const SetPlanPublicRequest = z.object({ public: z.boolean() });
export const PlanPublicState = z.object({ publicId: z.string().nullable() });
export const PlanPublicParams = PlanParams;

export const PublicTarget = z.object({
  metric: z.string(),
  text: z.string(),
  unit: z.string(),
  op: z.enum(TARGET_OPS),
  value: z.number().nullable(),
  lo: z.number().nullable(),
  hi: z.number().nullable(),
  /** The latest accepted value; a value awaiting review is never shown. */
  latest: z.number().nullable(),
  latestPeriod: z.string().nullable(),
});

export const PublicTask = z.object({
  number: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES).nullable(),
  /** The units responsible (organisations, not people). */
  units: z.array(z.string()),
  targets: z.array(PublicTarget),
});

export const PublicSection = z.object({
  number: z.string(),
  title: z.string(),
  tasks: z.array(PublicTask),
});

export const PublicPlan = z.object({
  title: z.string(),
  year: z.int(),
  commission: z.string(),
  publishedAt: z.string().nullable(),
  sections: z.array(PublicSection),
});

export type PublicPlan = z.infer<typeof PublicPlan>;
export type PublicTask = z.infer<typeof PublicTask>;
