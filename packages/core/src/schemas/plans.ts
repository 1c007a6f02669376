import { z } from 'zod';
import { Id, IsoDate, Version } from './common.js';

export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export const ASSIGNMENT_ROLES = ['lead', 'support', 'unit'] as const;
export const TARGET_OPS = ['>=', '<=', '=', '~', 'range'] as const;
export const TARGET_BASES = ['level', 'change'] as const;
export const TARGET_DIRECTIONS = ['higher', 'lower'] as const;

export const Span = z.object({ start: z.int(), end: z.int() });

export const Assignment = z.object({
  unitId: Id,
  unitName: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  /** True when the item has none of its own and these are its nearest ancestor's. */
  inherited: z.boolean(),
});

export const Target = z.object({
  id: Id,
  itemId: Id,
  metric: z.string(),
  op: z.enum(TARGET_OPS),
  value: z.number().nullable(),
  lo: z.number().nullable(),
  hi: z.number().nullable(),
  unit: z.string(),
  basis: z.enum(TARGET_BASES),
  direction: z.enum(TARGET_DIRECTIONS),
  baseline: z.number().nullable(),
  deadline: IsoDate.nullable(),
  deadlineText: z.string().nullable(),
  text: z.string(),
  version: Version,
});

export const Item = z.object({
  id: Id,
  parentId: Id.nullable(),
  position: z.int(),
  number: z.string(),
  level: z.int(),
  title: z.string(),
  text: z.string(),
  isTask: z.boolean(),
  deadline: IsoDate.nullable(),
  deadlineText: z.string().nullable(),
  source: Span.nullable(),
  /** Offsets into `text` where the item may be split (after 。；; or before 一是/二是…), from the server. */
  splitOffsets: z.array(z.int()),
  version: Version,
  assignments: z.array(Assignment),
  /** Printed unit names the import could not match to an org unit. */
  unmatchedUnits: z.array(z.object({ name: z.string(), role: z.enum(ASSIGNMENT_ROLES) })),
  targets: z.array(Target),
});

export const Thresholds = z.object({
  behindPoints: z.int().min(1).max(100),
  atRiskPoints: z.int().min(1).max(100),
});

export const PlanSummary = z.object({
  id: Id,
  title: z.string(),
  year: z.int(),
  status: z.enum(PLAN_STATUSES),
  version: Version,
  sourceFileName: z.string().nullable(),
  sourceSha256: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const PlanList = z.object({ plans: z.array(PlanSummary) });

/** How the plan's report loop runs; the plan page states both. */
export const PlanSettings = z.object({
  /** Off: submitting a report accepts it (no review step). */
  reviewRequired: z.boolean(),
  /** On: a report cannot be submitted without at least one attachment. */
  evidenceRequired: z.boolean(),
  /** On: values uploaded or pushed in bulk are accepted at once; off (default): they wait for review. */
  bulkValuesAccepted: z.boolean(),
});

export const PlanDetail = PlanSummary.extend({
  /** How many items are tasks (the stored flag, none below another task): what publishing creates. */
  taskCount: z.int(),
  thresholds: Thresholds,
  settings: PlanSettings,
  /** The public page's id while the plan is shown there (公示), else null. */
  publicId: z.string().nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  /** Items in tree pre-order; `parentId` and `position` give the tree. */
  items: z.array(Item),
  unmatchedUnits: z.array(z.object({ name: z.string(), itemIds: z.array(Id) })),
});

export const ImportPlanResponse = z.object({ plan: PlanDetail });

export const PlanParams = z.object({ planId: Id });
export const ItemParams = z.object({ planId: Id, itemId: Id });
export const TargetParams = z.object({ planId: Id, targetId: Id });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const UpdatePlanRequest = z.object({
  version: Version,
  title: z.string().trim().min(1).max(300).optional(),
  year: z.int().min(2000).max(2100).optional(),
  thresholds: Thresholds.optional(),
  settings: PlanSettings.partial().optional(),
});

export const UpdateItemRequest = z.object({
  version: Version,
  number: z.string().trim().max(20).optional(),
  title: z.string().trim().min(1).max(500).optional(),
  text: z.string().max(20_000).optional(),
  isTask: z.boolean().optional(),
  deadline: IsoDate.nullable().optional(),
  deadlineText: z.string().max(100).nullable().optional(),
});

export const MoveItemRequest = z.object({
  version: Version,
  parentId: Id.nullable(),
  position: z.int().min(0),
});

/** Split the item's own text at `offset` (after 。；; or before 一是/二是…); the second part becomes the next sibling. */
export const SplitItemRequest = z.object({
  version: Version,
  offset: z.int().min(1).max(20_000),
});

/** A new item the planner types: the last child of `parentId` (null: a new section) or right after `afterId`. */
export const AddItemRequest = z.object({
  planVersion: Version,
  /** Chosen by the client so a retry adds nothing twice. */
  id: Id.optional(),
  title: z.string().trim().min(1).max(500),
  text: z.string().max(20_000).optional(),
  placement: z.union([z.object({ afterId: Id }), z.object({ parentId: Id.nullable() })]),
});

export const MergeItemRequest = z.object({
  version: Version,
  /** The item that absorbs this one: its text, children, assignments and targets. */
  intoId: Id,
  intoVersion: Version,
});

export const SetAssignmentsRequest = z.object({
  version: Version,
  assignments: z.array(z.object({ unitId: Id, role: z.enum(ASSIGNMENT_ROLES) })).max(100),
  /**
   * Printed names this replacement settles (the item's unmatched names to drop). Names not listed stay
   * unmatched: replacing assignments never discards what the source says silently.
   */
  settles: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
});

/** The fields of a target as a planner writes them (create: all; update: any). */
export const TargetFields = z.object({
  metric: z.string().trim().min(1).max(200),
  op: z.enum(TARGET_OPS),
  value: z.number().nullable().optional(),
  lo: z.number().nullable().optional(),
  hi: z.number().nullable().optional(),
  unit: z.string().max(40).default(''),
  basis: z.enum(TARGET_BASES).default('level'),
  direction: z.enum(TARGET_DIRECTIONS).optional(),
  baseline: z.number().nullable().optional(),
  deadline: IsoDate.nullable().optional(),
  deadlineText: z.string().max(100).nullable().optional(),
  text: z.string().max(2000).default(''),
});

export const CreateTargetRequest = TargetFields.extend({ itemId: Id });

export const UpdateTargetRequest = TargetFields.partial().extend({ version: Version });

export const PUBLISH_FINDING_KINDS = [
  'task_without_lead',
  'task_without_unit',
  'unmatched_unit',
  'target_incomplete',
  'item_without_title',
] as const;

/**
 * Something publishing would carry into the task lists unsettled. `key` is stable for the same finding
 * (kind, item, and the unit name or target), so a waiver names it.
 */
export const PublishFinding = z.object({
  key: z.string(),
  kind: z.enum(PUBLISH_FINDING_KINDS),
  itemId: Id,
  itemNumber: z.string(),
  itemTitle: z.string(),
  /** The printed unit name (unmatched_unit). */
  name: z.string().optional(),
  /** The target (target_incomplete). */
  targetId: Id.optional(),
  metric: z.string().optional(),
});

export const PublishCheck = z.object({ findings: z.array(PublishFinding) });

/** A planner's decision to publish despite one finding, with the reason kept in the audit log. */
export const PublishWaiver = z.object({
  key: z.string().min(1).max(400),
  reason: z.string().trim().min(1).max(500),
});

export const PublishPlanRequest = z.object({
  version: Version,
  waivers: z.array(PublishWaiver).max(2000).default([]),
});

export const ArchivePlanRequest = z.object({ version: Version });

export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export type TargetOp = (typeof TARGET_OPS)[number];
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
export type PlanDetail = z.infer<typeof PlanDetail>;
export type ItemDto = z.infer<typeof Item>;
export type PublishFindingKind = (typeof PUBLISH_FINDING_KINDS)[number];
export type PublishFindingDto = z.infer<typeof PublishFinding>;
export type PublishWaiverDto = z.infer<typeof PublishWaiver>;
export type TargetDto = z.infer<typeof Target>;

/** Settle a printed unit name: it becomes the unit's alias, and the plan is re-matched. */
export const ResolveUnmatchedRequest = z.object({
  name: z.string().trim().min(1).max(100),
  unitId: Id,
  version: Version,
});

/** Create the unit a printed name stands for, and re-match the plan. */
export const CreateUnmatchedUnitRequest = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['department', 'affiliated', 'county', 'facility', 'other']),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  version: Version,
});
