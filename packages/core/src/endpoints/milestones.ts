import { z } from 'zod';
import { Id, IdParams } from '../schemas/common.js';
import {
  ConfirmMilestoneRequest,
  MilestoneDto,
  MilestoneList,
  MilestoneTemplateList,
  PlanMilestones,
  PlanMilestonesQuery,
  RecordMilestoneRequest,
  SaveMilestonesRequest,
} from '../schemas/milestones.js';
import { endpoint } from './define.js';

const PlanParams = z.object({ planId: Id });
const MilestoneAnswer = z.object({ milestone: MilestoneDto });

export const milestoneEndpoints = {
  milestoneTemplates: endpoint({
    name: 'milestoneTemplates',
    method: 'GET',
    path: '/api/milestone-templates',
    tag: 'milestones',
    summary:
      'Milestone templates: construction (立项 → 开工 → 主体封顶 → 竣工验收 → 建成投用), IT project, custom',
    permission: 'task.read',
    response: MilestoneTemplateList,
  }),
  taskMilestones: endpoint({
    name: 'taskMilestones',
    method: 'GET',
    path: '/api/tasks/:id/milestones',
    tag: 'milestones',
    summary: "A task's milestones in order, each marked missed when its planned date passed unmet",
    permission: 'task.read',
    params: IdParams,
    response: MilestoneList,
    errors: [404],
  }),
  saveTaskMilestones: endpoint({
    name: 'saveTaskMilestones',
    method: 'PUT',
    path: '/api/tasks/:id/milestones',
    tag: 'milestones',
    summary: "Sets a task's milestones (names, planned dates, order); kept ones keep their actual dates",
    permission: 'plan.edit',
    params: IdParams,
    body: SaveMilestonesRequest,
    response: MilestoneList,
    errors: [400, 404],
  }),
  recordMilestone: endpoint({
    name: 'recordMilestone',
    method: 'POST',
    path: '/api/milestones/:id/actual',
    tag: 'milestones',
    summary:
      "The lead unit's reporter records when a milestone was reached; it counts once a reviewer confirms",
    permission: 'report.write',
    params: IdParams,
    body: RecordMilestoneRequest,
    response: MilestoneAnswer,
    errors: [400, 404, 409],
  }),
  confirmMilestone: endpoint({
    name: 'confirmMilestone',
    method: 'POST',
    path: '/api/milestones/:id/confirm',
    tag: 'milestones',
    summary: "A reviewer confirms, corrects or clears a milestone's actual date",
    permission: 'report.review',
    params: IdParams,
    body: ConfirmMilestoneRequest,
    response: MilestoneAnswer,
    errors: [400, 404, 409],
  }),
  planMilestones: endpoint({
    name: 'planMilestones',
    method: 'GET',
    path: '/api/plans/:planId/milestones',
    tag: 'milestones',
    summary:
      "The plan's timeline: tasks with milestones, their status and lead units (optionally one unit's or one leader's)",
    permission: 'plan.read',
    params: PlanParams,
    query: PlanMilestonesQuery,
    response: PlanMilestones,
    errors: [404],
  }),
} as const;
