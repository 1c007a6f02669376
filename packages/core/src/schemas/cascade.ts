import { z } from 'zod';
import { Id } from './common.js';

/*
 * The city-to-county cascade (issue 10): a city pushes tasks to its county commissions, splits targets into
 * county quotas, and sees the counties' accepted figures roll up; a county sees what the city asked of it
 * and accepts the city's later changes.
 */
export const ROLLUP_METHODS = ['sum', 'weighted_mean', 'min'] as const;
export type RollupMethod = (typeof ROLLUP_METHODS)[number];

const CountyRef = z.object({ tenantId: Id, name: z.string() });

/** A task that qualifies for the cascade and the counties it goes to. */
export const CascadePreviewTask = z.object({
  itemId: Id,
  number: z.string(),
  title: z.string(),
  /** `unit`: assigned to a county bureau unit linked to a county commission; `collective`: 各县市区… unmatched. */
  via: z.enum(['unit', 'collective']),
  counties: z.array(CountyRef.extend({ pushed: z.boolean() })),
  targets: z.number().int(),
});
export const CascadePreview = z.object({
  planId: Id,
  counties: z.array(CountyRef),
  tasks: z.array(CascadePreviewTask),
});
export type CascadePreview = z.infer<typeof CascadePreview>;

export const PushCascadeRequest = z.object({
  /** The tasks to push (of the preview); none: every qualifying task. */
  itemIds: z.array(Id).max(2000).optional(),
});
export type PushCascadeRequest = z.input<typeof PushCascadeRequest>;

export const CascadePushResult = z.object({
  counties: z.array(CountyRef.extend({ planId: Id, created: z.number().int(), existing: z.number().int() })),
});
export type CascadePushResult = z.infer<typeof CascadePushResult>;

/** One quota of a city target. */
export const CountyQuota = z.object({ tenantId: Id, value: z.number() });

export const TargetQuotas = z.object({
  targetId: Id,
  metric: z.string(),
  unit: z.string(),
  cityValue: z.number().nullable(),
  method: z.enum(ROLLUP_METHODS),
  /** Whether the method is the planner's choice (else the default of the target's kind). */
  methodChosen: z.boolean(),
  weight: z.string().nullable(),
  counties: z.array(CountyRef.extend({ quota: z.number().nullable() })),
  /** Σ quotas − the city target, for a sum target with quotas; null otherwise. */
  difference: z.number().nullable(),
});
export type TargetQuotas = z.infer<typeof TargetQuotas>;

export const PutTargetQuotasRequest = z.object({
  method: z.enum(ROLLUP_METHODS).nullable().optional(),
  /** The tenant weight (常住人口 …) a weighted mean uses; null: equal weights. */
  weight: z.string().trim().min(1).max(40).nullable().optional(),
  /** By hand (a value per county) or from a weight (the city value split in proportion). */
  split: z
    .discriminatedUnion('by', [
      z.object({ by: z.literal('hand'), quotas: z.array(CountyQuota).max(200) }),
      z.object({ by: z.literal('weights'), weight: z.string().trim().min(1).max(40) }),
      z.object({ by: z.literal('none') }),
    ])
    .optional(),
});
export type PutTargetQuotasRequest = z.input<typeof PutTargetQuotasRequest>;

export const TenantWeight = z.object({
  name: z.string().trim().min(1).max(40),
  tenantId: Id,
  value: z.number().min(0),
});
export const TenantWeights = z.object({
  counties: z.array(CountyRef),
  weights: z.array(TenantWeight),
});
export type TenantWeights = z.infer<typeof TenantWeights>;
export const PutTenantWeightsRequest = z.object({
  /** The weights of this name replace what was there. */
  name: z.string().trim().min(1).max(40),
  values: z.array(z.object({ tenantId: Id, value: z.number().min(0) })).max(200),
});
export type PutTenantWeightsRequest = z.input<typeof PutTenantWeightsRequest>;

export const AskedTargetDto = z.object({
  cityTarget: Id,
  metric: z.string(),
  op: z.string(),
  value: z.number().nullable(),
  lo: z.number().nullable(),
  hi: z.number().nullable(),
  unit: z.string(),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  text: z.string(),
});
export const CityAskDto = z.object({
  title: z.string(),
  text: z.string(),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  targets: z.array(AskedTargetDto),
});
export const AskChangeDto = z.object({
  field: z.string(),
  target: z.string().optional(),
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
});

/** A task the city asked of this county, and the city's change not accepted yet. */
export const InboxEntry = z.object({
  itemId: Id,
  planId: Id,
  number: z.string(),
  city: z.string(),
  origin: z.enum(['pushed', 'linked']),
  asked: CityAskDto,
  proposal: z.object({ fingerprint: z.string(), changes: z.array(AskChangeDto), ask: CityAskDto }).nullable(),
});
export const CascadeInbox = z.object({ entries: z.array(InboxEntry) });
export type CascadeInbox = z.infer<typeof CascadeInbox>;
export type InboxEntry = z.infer<typeof InboxEntry>;

export const InboxItemParams = z.object({ itemId: Id });
export const AcceptCascadeChangeRequest = z.object({ fingerprint: z.string().min(8).max(64) });

export const LinkCascadeTaskRequest = z.object({ itemId: Id, cityItemId: Id });

/** The city's tasks a county may link its own tasks to (its parent's published plans). */
export const ParentTasks = z.object({
  city: z.string(),
  tasks: z.array(
    z.object({ itemId: Id, planId: Id, plan: z.string(), number: z.string(), title: z.string() }),
  ),
});

/** One county's figure for one city target in the roll-up. */
export const RollupCell = z.object({
  tenantId: Id,
  quota: z.number().nullable(),
  /** The latest accepted value; the only one that counts. */
  value: z.number().nullable(),
  /** The state of the county's latest report carrying a value (accepted, submitted, returned, draft) or null. */
  latestState: z.enum(['draft', 'submitted', 'returned', 'accepted']).nullable(),
  met: z.boolean().nullable(),
});
export const RollupTarget = z.object({
  targetId: Id,
  itemId: Id,
  metric: z.string(),
  unit: z.string(),
  op: z.string(),
  cityValue: z.number().nullable(),
  method: z.enum(ROLLUP_METHODS),
  weight: z.string().nullable(),
  rolledUp: z.number().nullable(),
  /** How many counties' accepted values made the figure. */
  counted: z.number().int(),
  cells: z.array(RollupCell),
});
export const RollupTask = z.object({
  itemId: Id,
  number: z.string(),
  title: z.string(),
  cells: z.array(
    z.object({
      tenantId: Id,
      /** The county's copy (null: not pushed to this county). */
      itemId: Id.nullable(),
      percent: z.number().nullable(),
      latestState: z.enum(['draft', 'submitted', 'returned', 'accepted']).nullable(),
    }),
  ),
});
export const CascadeRollup = z.object({
  planId: Id,
  counties: z.array(CountyRef),
  tasks: z.array(RollupTask),
  targets: z.array(RollupTarget),
  ranking: z.array(
    CountyRef.extend({
      rank: z.number().int(),
      met: z.number().int(),
      measured: z.number().int(),
      total: z.number().int(),
      meanPercent: z.number().nullable(),
    }),
  ),
});
export type CascadeRollup = z.infer<typeof CascadeRollup>;
