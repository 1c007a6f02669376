import { z } from 'zod';
import { Id, Version } from './common.js';
import { TASK_STATUSES } from './tasks.js';

/*
 * Year over year (issue 10, part 3): links from this year's tasks and targets to last year's, proposed by
 * the server's matcher and confirmed or rejected by the planner; tasks carried forward; a metric's history.
 */
export const YEAR_LINK_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export const YEAR_LINK_ORIGINS = ['matched', 'carried'] as const;
/** Why the matcher proposed a link (the web names each in Chinese). */
export const YEAR_LINK_REASONS = [
  'metric_same',
  'metric_similar',
  'title_similar',
  'lead_same',
  'section_same',
] as const;
/** At most this many decisions in one request. */
export const YEAR_LINK_DECISIONS_MAX = 500;

const TaskSide = z.object({
  itemId: Id,
  number: z.string(),
  title: z.string(),
  leadUnits: z.array(z.string()),
});

const TargetSide = z.object({ targetId: Id, metric: z.string(), unit: z.string(), text: z.string() });

export const TargetYearLinkDto = z.object({
  previous: TargetSide,
  current: TargetSide,
  score: z.number(),
  /** The baseline taken from last year's latest accepted actual when the link was confirmed. */
  baseline: z.object({ value: z.number(), reportId: Id, periodLabel: z.string() }).nullable(),
});

export const YearLinkDto = z.object({
  id: Id,
  status: z.enum(YEAR_LINK_STATUSES),
  origin: z.enum(YEAR_LINK_ORIGINS),
  score: z.number(),
  reasons: z.array(z.enum(YEAR_LINK_REASONS)),
  previous: TaskSide,
  current: TaskSide,
  targets: z.array(TargetYearLinkDto),
  version: Version,
});

const PlanRef = z.object({ id: Id, title: z.string(), year: z.int() });

/** A previous-year task not done (its stored status is not complete) and not yet linked to this plan. */
export const UnfinishedTaskDto = z.object({
  itemId: Id,
  number: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  leadUnits: z.array(z.string()),
});

export const YearLinkList = z.object({
  planId: Id,
  /** The plan the links point to; null until links were proposed or a previous plan was asked for. */
  previousPlan: PlanRef.nullable(),
  links: z.array(YearLinkDto),
  unfinished: z.array(UnfinishedTaskDto),
  /** Earlier plans of this commission a planner may compare with (published or archived, earlier year). */
  candidates: z.array(PlanRef),
});

export const YearLinksQuery = z.object({ previousPlanId: Id.optional() });

export const ProposeYearLinksRequest = z.object({ previousPlanId: Id });

export const DecideYearLinksRequest = z.object({
  decisions: z
    .array(z.object({ id: Id, version: Version, status: z.enum(['confirmed', 'rejected']) }))
    .min(1)
    .max(YEAR_LINK_DECISIONS_MAX),
});

export const CarryForwardRequest = z.object({
  previousPlanId: Id,
  /** Which unfinished tasks to bring over (all unfinished when absent). */
  itemIds: z.array(Id).max(YEAR_LINK_DECISIONS_MAX).optional(),
});

export const CarryForwardAnswer = YearLinkList.extend({ carried: z.int().min(0) });

/** One year of a target's metric: this plan's and each linked predecessor's, latest first. */
export const TargetHistoryEntry = z.object({
  planId: Id,
  planTitle: z.string(),
  year: z.int(),
  targetId: Id,
  itemTitle: z.string(),
  metric: z.string(),
  unit: z.string(),
  op: z.string(),
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  /** The latest accepted actual of that year, if any. */
  actual: z.number().nullable(),
  actualPeriod: z.string().nullable(),
});

export const TargetHistory = z.object({ targetId: Id, years: z.array(TargetHistoryEntry) });

export type YearLinkDto = z.infer<typeof YearLinkDto>;
export type YearLinkList = z.infer<typeof YearLinkList>;
export type YearLinkReason = (typeof YEAR_LINK_REASONS)[number];
export type UnfinishedTaskDto = z.infer<typeof UnfinishedTaskDto>;
export type TargetHistory = z.infer<typeof TargetHistory>;
export type TargetHistoryEntry = z.infer<typeof TargetHistoryEntry>;
