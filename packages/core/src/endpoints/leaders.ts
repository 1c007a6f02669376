import { z } from 'zod';
import { Id, IdParams } from '../schemas/common.js';
import {
  AddInstructionRequest,
  InstructionList,
  InstructionResponse,
  KeyProjectList,
  PlanLeaders,
  SetLeaderRequest,
} from '../schemas/leaders.js';
import { endpoint } from './define.js';

const PlanParams = z.object({ planId: Id });

/** 委领导包抓 / 分管: owning leaders of tasks, sections and units, the leader's key projects, and 批示. */
export const leaderEndpoints = {
  planLeaders: endpoint({
    name: 'planLeaders',
    method: 'GET',
    path: '/api/plans/:planId/leaders',
    tag: 'leaders',
    summary: "The commission's leaders, each task's or section's owning leader, each unit's 分管 leader",
    permission: 'plan.read',
    params: PlanParams,
    response: PlanLeaders,
    errors: [404],
  }),
  setItemLeader: endpoint({
    name: 'setItemLeader',
    method: 'PUT',
    path: '/api/plans/:planId/items/:itemId/leader',
    tag: 'leaders',
    summary: 'Sets (or clears) the owning leader (包抓) of a task or section',
    permission: 'plan.edit',
    params: z.object({ planId: Id, itemId: Id }),
    body: SetLeaderRequest,
    response: PlanLeaders,
    errors: [400, 404],
  }),
  setUnitLeader: endpoint({
    name: 'setUnitLeader',
    method: 'PUT',
    path: '/api/plans/:planId/units/:unitId/leader',
    tag: 'leaders',
    summary: "Sets (or clears) a unit's 分管 leader",
    permission: 'plan.edit',
    params: z.object({ planId: Id, unitId: Id }),
    body: SetLeaderRequest,
    response: PlanLeaders,
    errors: [400, 404],
  }),
  myKeyProjects: endpoint({
    name: 'myKeyProjects',
    method: 'GET',
    path: '/api/my/key-projects',
    tag: 'leaders',
    summary: "The signed-in leader's key projects (我的包抓项目): status, open 督办, latest reports",
    permission: 'task.read',
    response: KeyProjectList,
  }),
  instructions: endpoint({
    name: 'instructions',
    method: 'GET',
    path: '/api/tasks/:id/instructions',
    tag: 'leaders',
    summary: "The leaders' 批示 on a task, newest first",
    permission: 'task.read',
    params: IdParams,
    response: InstructionList,
    errors: [404],
  }),
  addInstruction: endpoint({
    name: 'addInstruction',
    method: 'POST',
    path: '/api/tasks/:id/instructions',
    tag: 'leaders',
    summary: "A leader's one-line 批示 on a task; notifies the task's units",
    permission: 'instruction.write',
    params: IdParams,
    body: AddInstructionRequest,
    response: InstructionResponse,
    status: 201,
    errors: [400, 404],
  }),
} as const;
