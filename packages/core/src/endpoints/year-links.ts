import { z } from 'zod';
import { Id, IdParams } from '../schemas/common.js';
import {
  CarryForwardAnswer,
  CarryForwardRequest,
  DecideYearLinksRequest,
  ProposeYearLinksRequest,
  TargetHistory,
  YearLinkList,
  YearLinksQuery,
} from '../schemas/year-links.js';
import { endpoint } from './define.js';

const PlanParams = z.object({ planId: Id });

export const yearLinkEndpoints = {
  yearLinks: endpoint({
    name: 'yearLinks',
    method: 'GET',
    path: '/api/plans/:planId/year-links',
    tag: 'year-links',
    summary:
      "Links of this plan's tasks to last year's (与上年对照), last year's unfinished tasks not yet linked, and the plans to compare with",
    permission: 'plan.read',
    params: PlanParams,
    query: YearLinksQuery,
    response: YearLinkList,
    errors: [404],
  }),
  proposeYearLinks: endpoint({
    name: 'proposeYearLinks',
    method: 'POST',
    path: '/api/plans/:planId/year-links/propose',
    tag: 'year-links',
    summary:
      "Proposes links to an earlier published plan's tasks and targets (same metric, similar title, lead unit, section); decided links stay",
    permission: 'plan.edit',
    params: PlanParams,
    body: ProposeYearLinksRequest,
    response: YearLinkList,
    errors: [400, 404, 409],
  }),
  decideYearLinks: endpoint({
    name: 'decideYearLinks',
    method: 'POST',
    path: '/api/plans/:planId/year-links/decisions',
    tag: 'year-links',
    summary:
      "Confirms or rejects links (one or many) at the versions read; a confirmed target link with no baseline takes last year's latest accepted actual",
    permission: 'plan.edit',
    params: PlanParams,
    body: DecideYearLinksRequest,
    response: YearLinkList,
    errors: [400, 404, 409],
  }),
  carryForward: endpoint({
    name: 'carryForward',
    method: 'POST',
    path: '/api/plans/:planId/carry-forward',
    tag: 'year-links',
    summary:
      "Copies last year's unfinished tasks (title, units, targets) into the draft, each linked to its original; a task already linked is not copied again",
    permission: 'plan.edit',
    params: PlanParams,
    body: CarryForwardRequest,
    response: CarryForwardAnswer,
    errors: [400, 404, 409],
  }),
  targetHistory: endpoint({
    name: 'targetHistory',
    method: 'GET',
    path: '/api/targets/:id/history',
    tag: 'year-links',
    summary: "A target's metric across years: this year and its linked predecessors, with accepted actuals",
    permission: 'task.read',
    params: IdParams,
    response: TargetHistory,
    errors: [404],
  }),
} as const;
