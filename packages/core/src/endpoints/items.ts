import { VersionQuery } from '../schemas/plans.js';
import {
  CreateTargetRequest,
  ItemParams,
  AddItemRequest,
  MergeItemRequest,
  MoveItemRequest,
  PlanDetail,
  PlanParams,
  SetAssignmentsRequest,
  SplitItemRequest,
  TargetParams,
  UpdateItemRequest,
  UpdateTargetRequest,
} from '../schemas/plans.js';
import { endpoint } from './define.js';

const errors = [400, 403, 404, 409] as const;
const edit = { tag: 'items', permission: 'plan.edit', response: PlanDetail, errors } as const;
const target = { tag: 'targets', permission: 'plan.edit', response: PlanDetail, errors } as const;

export const itemEndpoints = {
  updateItem: endpoint({
    ...edit,
    name: 'updateItem',
    method: 'PATCH',
    path: '/api/plans/:planId/items/:itemId',
    params: ItemParams,
    body: UpdateItemRequest,
  }),
  moveItem: endpoint({
    ...edit,
    name: 'moveItem',
    method: 'POST',
    path: '/api/plans/:planId/items/:itemId/move',
    params: ItemParams,
    body: MoveItemRequest,
  }),
  mergeItem: endpoint({
    ...edit,
    name: 'mergeItem',
    method: 'POST',
    path: '/api/plans/:planId/items/:itemId/merge',
    params: ItemParams,
    body: MergeItemRequest,
  }),
  splitItem: endpoint({
    ...edit,
    name: 'splitItem',
    method: 'POST',
    path: '/api/plans/:planId/items/:itemId/split',
    summary:
      'Split an item at a sentence end or an 一是/二是 boundary; the second part becomes the next sibling',
    params: ItemParams,
    body: SplitItemRequest,
  }),
  addItem: endpoint({
    ...edit,
    name: 'addItem',
    method: 'POST',
    path: '/api/plans/:planId/items',
    summary: 'Add an item the planner types, as a child or right after a sibling',
    params: PlanParams,
    body: AddItemRequest,
    status: 201,
  }),
  deleteItem: endpoint({
    ...edit,
    name: 'deleteItem',
    method: 'DELETE',
    path: '/api/plans/:planId/items/:itemId',
    params: ItemParams,
    query: VersionQuery,
  }),
  setAssignments: endpoint({
    ...edit,
    name: 'setAssignments',
    method: 'PUT',
    path: '/api/plans/:planId/items/:itemId/assignments',
    params: ItemParams,
    body: SetAssignmentsRequest,
  }),
};

export const targetEndpoints = {
  createTarget: endpoint({
    ...target,
    name: 'createTarget',
    method: 'POST',
    path: '/api/plans/:planId/targets',
    params: PlanParams,
    body: CreateTargetRequest,
    status: 201,
  }),
  updateTarget: endpoint({
    ...target,
    name: 'updateTarget',
    method: 'PATCH',
    path: '/api/plans/:planId/targets/:targetId',
    params: TargetParams,
    body: UpdateTargetRequest,
  }),
  deleteTarget: endpoint({
    ...target,
    name: 'deleteTarget',
    method: 'DELETE',
    path: '/api/plans/:planId/targets/:targetId',
    params: TargetParams,
    query: VersionQuery,
  }),
};
