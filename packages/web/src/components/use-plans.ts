import { useCallback, useEffect, useState } from 'react';
import { api, type PlanSummaryDto } from '../api/endpoints.js';
import { useLoad, type Loaded } from '../api/use-load.js';

const PLAN_KEY = 'yd.plan';

/** The plan to show by default: the one chosen last, else the newest published one, else the newest. */
export function pickPlan(
  plans: readonly PlanSummaryDto[],
  remembered: string | null,
): PlanSummaryDto | undefined {
  const chosen = plans.find((p) => p.id === remembered);
  if (chosen) return chosen;
  const newest = [...plans].sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
  return newest.find((p) => p.status === 'published') ?? newest[0];
}

export function useCurrentPlan(): {
  plans: Loaded<PlanSummaryDto[]>;
  planId: string | undefined;
  setPlanId: (id: string) => void;
} {
  const plans = useLoad(() => api.plans(), []);
  const [planId, setPlanIdState] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (plans.data && !plans.data.some((p) => p.id === planId))
      setPlanIdState(pickPlan(plans.data, localStorage.getItem(PLAN_KEY))?.id);
  }, [plans.data, planId]);
  const setPlanId = useCallback((id: string) => {
    localStorage.setItem(PLAN_KEY, id);
    setPlanIdState(id);
  }, []);
  return { plans, planId, setPlanId };
}
