import { z } from 'zod';
import { TASK_STATUSES } from './tasks.js';
import { Id } from './common.js';
import { SupervisionLevel } from './supervision.js';

export const LeaderRef = z.object({ id: Id, name: z.string() });

/**
 * Who owns what in a plan: the commission's leaders, each task's or section's owning leader (委领导包抓;
 * a task without its own takes its section's), and each unit's 分管 leader.
 */
export const PlanLeaders = z.object({
  leaders: z.array(LeaderRef),
  items: z.array(
    z.object({
      itemId: Id,
      number: z.string(),
      title: z.string(),
      isTask: z.boolean(),
      leaderId: Id.nullable(),
    }),
  ),
  units: z.array(z.object({ unitId: Id, name: z.string(), leaderId: Id.nullable() })),
});
export type PlanLeaders = z.infer<typeof PlanLeaders>;

export const SetLeaderRequest = z.object({ leaderId: Id.nullable() });

export const KeyProject = z.object({
  planId: Id,
  itemId: Id,
  number: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES).nullable(),
  percent: z.number().nullable(),
  /** 包抓 (owned, or through its section) or 分管 (through a unit the leader is in charge of). */
  via: z.enum(['own', 'unit']),
  openSupervision: z.int(),
  highestLevel: SupervisionLevel.nullable(),
  latestReports: z.array(
    z.object({
      unitName: z.string(),
      periodLabel: z.string(),
      percent: z.number(),
      state: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
export type KeyProject = z.infer<typeof KeyProject>;
export const KeyProjectList = z.object({ projects: z.array(KeyProject) });
export type KeyProjectList = z.infer<typeof KeyProjectList>;

/** 批示: a leader's one-line instruction on a task. */
export const InstructionDto = z.object({
  id: Id,
  itemId: Id,
  authorId: Id,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type InstructionDto = z.infer<typeof InstructionDto>;
export const InstructionList = z.object({ instructions: z.array(InstructionDto) });
export const AddInstructionRequest = z.object({ body: z.string().trim().min(1).max(200) });
export const InstructionResponse = z.object({ instruction: InstructionDto });
