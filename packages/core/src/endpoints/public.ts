import {
  PlanPublicParams,
  PlanPublicState,
  PublicPlan,
  PublicPlanParams,
  SetPlanPublicRequest,
} from '../schemas/public.js';
import { endpoint } from './define.js';

/** 公示: a plan published read-only without sign-in, under an unguessable id. */
export const publicEndpoints = {
  setPlanPublic: endpoint({
    name: 'setPlanPublic',
    method: 'PUT',
    path: '/api/plans/:planId/public',
    tag: 'public',
    summary: 'Shows the published plan on the public page (a new public id each time) or withdraws it',
    permission: 'plan.publish',
    params: PlanPublicParams,
    body: SetPlanPublicRequest,
    response: PlanPublicState,
    errors: [400, 403, 404, 409],
  }),
  publicPlan: endpoint({
    name: 'publicPlan',
    method: 'GET',
    path: '/api/public/plans/:publicId',
    tag: 'public',
    summary: 'The public page: sections, tasks, status, targets and their latest accepted values; no person',
    permission: null,
    public: true,
    params: PublicPlanParams,
    response: PublicPlan,
    notModified: true,
    errors: [404],
  }),
} as const;
