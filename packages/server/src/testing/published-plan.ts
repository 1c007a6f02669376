import type { LightMyRequestResponse } from 'fastify';
import type { PlanDetail, PublishFindingDto } from '@yaodian/core';
import { multipartFile } from './plan-fixture.js';
import type { Session, TestApp } from './test-app.js';

export interface PublishedPlan {
  plan: PlanDetail;
  periods: { id: string; label: string; dueOn: string; endsOn: string }[];
  item(title: string): PlanDetail['items'][number];
}

/** Imports the fixture plan as `planner`, publishes it and opens its monthly periods (due the 25th). */
export async function publishFixturePlan(t: TestApp, planner: Session): Promise<PublishedPlan> {
  const { payload, headers } = multipartFile('plan.txt', 'plan');
  const imported = await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
  if (imported.statusCode !== 201) throw new Error(`import failed: ${imported.body}`);
  const draft = imported.json<PlanDetail>();
  const published = await publishWaivingAll(t, planner, draft);
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
  const periods = await t.as(planner, {
    method: 'POST',
    url: `/api/plans/${draft.id}/periods`,
    payload: { kind: 'monthly', dueDay: 25 },
  });
  const plan = published.json<PlanDetail>();
  return {
    plan,
    periods: periods.json<{ periods: PublishedPlan['periods'] }>().periods,
    item: (title) => {
      const found = plan.items.find((i) => i.title === title);
      if (!found) throw new Error(`no item ${title}`);
      return found;
    },
  };
}

/**
 * Publishes a draft, waiving whatever the publish check finds (the fixture's 市医保局 is nobody's unit in
 * the test commissions), each with a reason, as a planner does on the import review page.
 */
export async function publishWaivingAll(
  t: TestApp,
  planner: Session,
  draft: PlanDetail,
): Promise<LightMyRequestResponse> {
  const check = await t.as(planner, { method: 'GET', url: `/api/plans/${draft.id}/publish-check` });
  if (check.statusCode !== 200) throw new Error(`publish check failed: ${check.body}`);
  const { findings } = check.json<{ findings: PublishFindingDto[] }>();
  return t.as(planner, {
    method: 'POST',
    url: `/api/plans/${draft.id}/publish`,
    payload: {
      version: draft.version,
      waivers: findings.map((f) => ({ key: f.key, reason: '测试计划：发布后再落实' })),
    },
  });
}
