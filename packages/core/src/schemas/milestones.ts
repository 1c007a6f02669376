import { z } from 'zod';
import { Id, IsoDate, Version } from './common.js';
import { TASK_STATUSES } from './tasks.js';

export const MILESTONE_NAME_MAX = 100;
export const MILESTONE_NOTE_MAX = 500;
/** A task carries at most this many milestones. */
export const MILESTONES_PER_TASK_MAX = 30;

/**
 * A dated step of a task. `actualOn` is what the lead unit recorded; like a report's figures it counts
 * (for the task's status and the assessment) only once a reviewer confirmed it (`confirmed`).
 * `missed`: the planned date has passed (by the server's clock) without a confirmed actual date.
 */
export const MilestoneDto = z.object({
  id: Id,
  itemId: Id,
  position: z.int(),
  name: z.string(),
  plannedOn: IsoDate,
  actualOn: IsoDate.nullable(),
  confirmed: z.boolean(),
  note: z.string(),
  missed: z.boolean(),
  version: Version,
});

export const MilestoneList = z.object({ milestones: z.array(MilestoneDto) });

/** The planner's list for a task, in order: an entry with an `id` keeps that milestone (and its actual date). */
export const SaveMilestonesRequest = z.object({
  milestones: z
    .array(
      z.object({
        id: Id.optional(),
        name: z.string().trim().min(1).max(MILESTONE_NAME_MAX),
        plannedOn: IsoDate,
        note: z.string().trim().max(MILESTONE_NOTE_MAX).default(''),
      }),
    )
    .max(MILESTONES_PER_TASK_MAX),
});

/** The lead unit's reporter records when a milestone was reached (null clears it); a reviewer confirms. */
export const RecordMilestoneRequest = z.object({
  version: Version,
  actualOn: IsoDate.nullable(),
  note: z.string().trim().max(MILESTONE_NOTE_MAX).optional(),
});

/** A reviewer settles the actual date: confirms the recorded one, corrects it, or clears it (null). */
export const ConfirmMilestoneRequest = z.object({
  version: Version,
  actualOn: IsoDate.nullable(),
});

export const MilestoneTemplateDto = z.object({
  key: z.string(),
  name: z.string(),
  /** Step names in order; the custom template has none. */
  steps: z.array(z.string()),
});
export const MilestoneTemplateList = z.object({ templates: z.array(MilestoneTemplateDto) });

export const PlanMilestonesQuery = z.object({
  /** Only tasks this unit leads (or reports on). */
  unitId: Id.optional(),
  /** Only this leader's key projects: tasks it owns (its own or its section's, 委领导包抓) or whose lead unit it is 分管 for. */
  leaderId: Id.optional(),
});

/** The plan's timeline: every task with milestones, in plan order, with its status and lead units. */
export const PlanMilestones = z.object({
  planId: Id,
  today: IsoDate,
  tasks: z.array(
    z.object({
      itemId: Id,
      number: z.string().nullable(),
      title: z.string(),
      deadline: IsoDate.nullable(),
      status: z.enum(TASK_STATUSES),
      leadUnits: z.array(z.object({ id: Id, name: z.string() })),
      milestones: z.array(MilestoneDto),
    }),
  ),
});

export type MilestoneDto = z.infer<typeof MilestoneDto>;
export type MilestoneList = z.infer<typeof MilestoneList>;
export type MilestoneTemplateDto = z.infer<typeof MilestoneTemplateDto>;
export type PlanMilestones = z.infer<typeof PlanMilestones>;
