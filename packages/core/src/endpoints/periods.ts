import {
  GeneratePeriodsRequest,
  OwedUnits,
  Period,
  PeriodList,
  PeriodParams,
  UpdatePeriodRequest,
} from '../schemas/periods.js';
import { PlanParams } from '../schemas/plans.js';
import { endpoint } from './define.js';

export const periodEndpoints = {
  periods: endpoint({
    name: 'periods',
    method: 'GET',
    path: '/api/plans/:planId/periods',
    tag: 'periods',
    permission: 'plan.read',
    params: PlanParams,
    response: PeriodList,
    errors: [404],
  }),
  generatePeriods: endpoint({
    name: 'generatePeriods',
    method: 'POST',
    path: '/api/plans/:planId/periods',
    tag: 'periods',
    permission: 'plan.edit',
    params: PlanParams,
    body: GeneratePeriodsRequest,
    response: PeriodList,
    errors: [400, 403, 404, 409],
  }),
  updatePeriod: endpoint({
    name: 'updatePeriod',
    method: 'PATCH',
    path: '/api/plans/:planId/periods/:periodId',
    tag: 'periods',
    permission: 'plan.edit',
    params: PeriodParams,
    body: UpdatePeriodRequest,
    response: Period,
    errors: [400, 403, 404, 409],
  }),
  owedUnits: endpoint({
    name: 'owedUnits',
    method: 'GET',
    path: '/api/plans/:planId/periods/:periodId/owed',
    tag: 'periods',
    summary: 'Units that still owe a report for the period, with the tasks each owes (most first)',
    permission: 'plan.read',
    params: PeriodParams,
    response: OwedUnits,
    errors: [404],
  }),
} as const;
