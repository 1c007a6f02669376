import {
  can,
  createApiClient,
  DEFAULT_SUPERVISION_RULES,
  ENDPOINT_LIST,
  openApiPath,
  ROLES,
  type AnyEndpoint,
  type CascadeInbox,
  type PlanDetail,
  type ReportDto,
  type Role,
} from '@yaodian/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
import { createTenant, createUnit, createUser, TEST_PASSWORD } from '../testing/factories.js';
import { insertUnitGroup } from '../repositories/unit-repository.js';
import { multipartFile, planFixture } from '../testing/plan-fixture.js';
import { publishFixturePlan, publishWaivingAll, type PublishedPlan } from '../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { registeredRoutes } from './app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * Every endpoint × every role, from this table (written independently of the core permission matrix),
 * plus an admin of another commission, who must never reach this commission's records, and a user of a
 * sibling commission (the county next door: the same parent), who must not either.
 */
let t: TestApp;
let c: Commission;
let outsiderCommission: Commission;
let siblingCommission: Commission;
type Prober = 'admin' | 'secadmin' | 'auditor' | 'operator';
type Outsider = `outsider.${Prober}` | `sibling.${Prober}`;
const sessions = new Map<Role | Outsider, Session>();
let shared: PublishedPlan;

const session = (who: Role | Outsider): Session => {
  const s = sessions.get(who);
  if (!s) throw new Error(`no session for ${who}`);
  return s;
};

async function draftPlan(): Promise<PlanDetail> {
  const { payload, headers } = multipartFile('plan.txt', 'plan');
  return (
    await t.as(session('planner'), { method: 'POST', url: '/api/plans', payload, headers })
  ).json<PlanDetail>();
}
/** A draft of the year after the shared plan's: what year-over-year links are made on. */
async function nextYearDraft(): Promise<PlanDetail> {
  const plan = await draftPlan();
  const response = await t.as(session('planner'), {
    method: 'PATCH',
    url: `/api/plans/${plan.id}`,
    payload: { version: plan.version, year: plan.year + 1 },
  });
  if (response.statusCode !== 200) throw new Error(`year not set: ${response.body}`);
  return response.json<PlanDetail>();
}
const itemOf = (plan: PlanDetail, title: string) => {
  const item = plan.items.find((i) => i.title === title);
  if (!item) throw new Error(`no ${title}`);
  return item;
};
async function report(plan: PublishedPlan, submit: boolean): Promise<ReportDto> {
  const response = await t.as(session('reporter'), {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: plan.item('推进紧密型县域医共体建设').id,
      unitId: c.units.medical.id,
      periodId: plan.periods[0]?.id,
      percent: 40,
      submit,
    },
  });
  return response.json<{ report: ReportDto }>().report;
}

/** A fresh milestone on the shared plan's task led by the reporter's unit (医政医管科). */
async function milestone(): Promise<{ id: string; version: number }> {
  const response = await t.as(session('planner'), {
    method: 'PUT',
    url: `/api/tasks/${shared.item('推进紧密型县域医共体建设').id}/milestones`,
    payload: { milestones: [{ name: '开工', plannedOn: '2026-09-01' }] },
  });
  const [first] = response.json<{ milestones: { id: string; version: number }[] }>().milestones;
  if (!first) throw new Error('no milestone');
  return first;
}

/** The target of the shared plan's task that goes to the counties (强化妇幼健康服务: 各县（市、区）卫生健康局配合). */
const cascadedTarget = (): string => shared.item('强化妇幼健康服务').targets[0]?.id ?? '';

let provincePlanner: Session;

/** A plan of the province above this commission, published (its 各县… task goes to this commission). */
async function provincePlan(): Promise<PlanDetail> {
  const { payload, headers } = multipartFile('plan.txt', 'plan');
  const draft = (
    await t.as(provincePlanner, { method: 'POST', url: '/api/plans', payload, headers })
  ).json<PlanDetail>();
  const published = await publishWaivingAll(t, provincePlanner, draft);
  if (published.statusCode !== 200) throw new Error(`province publish failed: ${published.body}`);
  return published.json<PlanDetail>();
}

let provinceShared: PlanDetail | undefined;

/** Pushes the province's plan to this commission once, then changes its target: a proposal to accept. */
async function provinceProposal(): Promise<{ itemId: string; fingerprint: string }> {
  if (!provinceShared) {
    provinceShared = await provincePlan();
    const pushed = await t.as(provincePlanner, {
      method: 'POST',
      url: `/api/plans/${provinceShared.id}/cascade`,
      payload: {},
    });
    if (pushed.statusCode !== 200) throw new Error(`province push failed: ${pushed.body}`);
  }
  const plan = (
    await t.as(provincePlanner, { method: 'GET', url: `/api/plans/${provinceShared.id}` })
  ).json<PlanDetail>();
  const target = itemOf(plan, '强化妇幼健康服务').targets[0];
  if (!target) throw new Error('no province target');
  await t.as(provincePlanner, {
    method: 'PATCH',
    url: `/api/plans/${plan.id}/targets/${target.id}`,
    payload: { version: target.version, value: (target.value ?? 0) + 1 },
  });
  const inbox = (
    await t.as(session('planner'), { method: 'GET', url: '/api/cascade/inbox' })
  ).json<CascadeInbox>();
  const entry = inbox.entries.find((e) => e.proposal !== null);
  if (!entry?.proposal) throw new Error('no proposal');
  return { itemId: entry.itemId, fingerprint: entry.proposal.fingerprint };
}

type Call = (as: Session) => Promise<LightMyRequestResponse>;
interface Cell {
  endpoint: string;
  allowed: readonly Role[];
  /** What the other commission's admin gets: 404/403, or 'own' for an endpoint that answers about their own commission. */
  outsider: 404 | 403 | 'own';
  /** Which administrator of the other (and the sibling) commission probes (default: its system administrator). */
  outsiderAs?: Prober;
  /** Builds what the call needs (fresh for each role so a write never meets another's leftovers). */
  prepare: () => Promise<Call>;
}

/** Every signed-in role, the three administrators included: their own session and password. */
const SIGNED_IN = ROLES;
/** The roles of the plan's work (and the system administrator): what reads plans and tasks. */
const ALL: Role[] = ['admin', 'leader', 'planner', 'reporter', 'viewer'];
const EDITORS: Role[] = ['admin', 'planner'];
const COMMENTERS: Role[] = ['admin', 'leader', 'planner', 'reporter'];

/** A value sheet as CSV: the reporter's progress on a task without targets, for one period. */
const valuesCsv = (): string =>
  [
    '说明',
    '表头',
    [
      '（二）',
      '推进医保支付方式改革',
      '医政医管科',
      '',
      '',
      '',
      '',
      '30',
      '矩阵测试',
      shared.item('推进医保支付方式改革').id,
      c.units.medical.id,
      '',
    ].join(','),
  ].join('\n');

const get =
  (url: string): Call =>
  (as) =>
    t.as(as, { method: 'GET', url });
const send =
  (
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    headers?: Record<string, string>,
  ): Call =>
  (as) =>
    t.as(as, { method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });

const cells: Cell[] = [
  {
    endpoint: 'GET /api/auth/me',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/auth/me')),
  },
  {
    endpoint: 'GET /api/auth/csrf',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/auth/csrf')),
  },
  {
    endpoint: 'POST /api/auth/logout',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () =>
      Promise.resolve(async (as) => {
        const me = await t.as(as, { method: 'GET', url: '/api/auth/me' });
        const fresh = await t.login({ username: me.json<{ username: string }>().username });
        return t.as(fresh, { method: 'POST', url: '/api/auth/logout' });
      }),
  },
  {
    endpoint: 'POST /api/auth/password',
    allowed: SIGNED_IN,
    outsider: 'own',
    // A real change by a fresh account of the caller's role and commission (the shared sessions keep their
    // passwords), to a new password the policy accepts.
    prepare: () =>
      Promise.resolve(async (as) => {
        const me = (await t.as(as, { method: 'GET', url: '/api/auth/me' })).json<{
          tenantId: string;
          role: Role;
          unitIds: string[];
        }>();
        const fresh = await t.login(
          await createUser(t.db, me.tenantId, { role: me.role, unitIds: me.unitIds }),
        );
        return t.as(fresh, {
          method: 'POST',
          url: '/api/auth/password',
          payload: {
            currentPassword: TEST_PASSWORD,
            newPassword: `New-password-${String(Math.random()).slice(2, 8)}`,
          },
        });
      }),
  },
  {
    endpoint: 'GET /api/plans',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/plans')),
  },
  {
    endpoint: 'POST /api/plans',
    allowed: EDITORS,
    outsider: 'own',
    prepare: () => {
      const { payload, headers } = multipartFile('plan.txt', 'plan');
      return Promise.resolve((as) => t.as(as, { method: 'POST', url: '/api/plans', payload, headers }));
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}`)),
  },
  {
    endpoint: 'PATCH /api/plans/{planId}',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      return send('PATCH', `/api/plans/${plan.id}`, { version: plan.version, title: '修订后的工作要点' });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/publish',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const check = await t.as(session('planner'), {
        method: 'GET',
        url: `/api/plans/${plan.id}/publish-check`,
      });
      const { findings } = check.json<{ findings: { key: string }[] }>();
      return send('POST', `/api/plans/${plan.id}/publish`, {
        version: plan.version,
        waivers: findings.map((f) => ({ key: f.key, reason: '测试：发布后落实' })),
      });
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/publish-check',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => get(`/api/plans/${(await draftPlan()).id}/publish-check`),
  },
  {
    endpoint: 'POST /api/plans/{planId}/archive',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = (await publishFixturePlan(t, session('planner'))).plan;
      return send('POST', `/api/plans/${plan.id}/archive`, { version: plan.version });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/unmatched/resolve',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      return send('POST', `/api/plans/${plan.id}/unmatched/resolve`, {
        name: `市某局${String(Math.random()).slice(2, 8)}`,
        unitId: c.units.planning.id,
        version: plan.version,
      });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/unmatched/create',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      return send('POST', `/api/plans/${plan.id}/unmatched/create`, {
        name: `新单位${String(Math.random()).slice(2, 10)}`,
        kind: 'other',
        version: plan.version,
      });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/rematch',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => send('POST', `/api/plans/${(await draftPlan()).id}/rematch`),
  },
  {
    endpoint: 'PATCH /api/plans/{planId}/items/{itemId}',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const item = itemOf(plan, '规范双向转诊流程');
      return send('PATCH', `/api/plans/${plan.id}/items/${item.id}`, {
        version: item.version,
        title: '规范转诊',
      });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/items/{itemId}/move',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const item = itemOf(plan, '规范双向转诊流程');
      return send('POST', `/api/plans/${plan.id}/items/${item.id}/move`, {
        version: item.version,
        parentId: null,
        position: 0,
      });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/items/{itemId}/split',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const item = itemOf(plan, '规范双向转诊流程');
      const edited = await t.as(session('planner'), {
        method: 'PATCH',
        url: `/api/plans/${plan.id}/items/${item.id}`,
        payload: { version: item.version, text: '规范双向转诊流程。一是畅通上转；二是做实下转。' },
      });
      const version = edited.json<PlanDetail>().items.find((i) => i.id === item.id)?.version;
      return send('POST', `/api/plans/${plan.id}/items/${item.id}/split`, { version, offset: 9 });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/items',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      return send('POST', `/api/plans/${plan.id}/items`, {
        planVersion: plan.version,
        title: '新增工作',
        placement: { afterId: itemOf(plan, '规范双向转诊流程').id },
      });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/items/{itemId}/merge',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const item = itemOf(plan, '规范双向转诊流程');
      const into = itemOf(plan, '扩大家庭医生签约服务覆盖面');
      return send('POST', `/api/plans/${plan.id}/items/${item.id}/merge`, {
        version: item.version,
        intoId: into.id,
        intoVersion: into.version,
      });
    },
  },
  {
    endpoint: 'DELETE /api/plans/{planId}/items/{itemId}',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const item = itemOf(plan, '规范双向转诊流程');
      return send('DELETE', `/api/plans/${plan.id}/items/${item.id}?version=${item.version}`);
    },
  },
  {
    endpoint: 'PUT /api/plans/{planId}/items/{itemId}/assignments',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const item = itemOf(plan, '规范双向转诊流程');
      return send('PUT', `/api/plans/${plan.id}/items/${item.id}/assignments`, {
        version: item.version,
        assignments: [{ unitId: c.units.planning.id, role: 'lead' }],
      });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/targets',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      return send('POST', `/api/plans/${plan.id}/targets`, {
        itemId: itemOf(plan, '规范双向转诊流程').id,
        metric: '转诊人次',
        op: '>=',
        value: 10,
      });
    },
  },
  {
    endpoint: 'PATCH /api/plans/{planId}/targets/{targetId}',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const target = itemOf(plan, '强化妇幼健康服务').targets[0];
      return send('PATCH', `/api/plans/${plan.id}/targets/${target?.id ?? ''}`, { version: 1, value: 9 });
    },
  },
  {
    endpoint: 'DELETE /api/plans/{planId}/targets/{targetId}',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await draftPlan();
      const target = itemOf(plan, '强化妇幼健康服务').targets[0];
      return send('DELETE', `/api/plans/${plan.id}/targets/${target?.id ?? ''}?version=1`);
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/periods',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/periods`)),
  },
  {
    endpoint: 'POST /api/plans/{planId}/periods',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('POST', `/api/plans/${shared.plan.id}/periods`, { kind: 'quarterly', dueDay: 20 }),
      ),
  },
  {
    endpoint: 'PATCH /api/plans/{planId}/periods/{periodId}',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('PATCH', `/api/plans/${shared.plan.id}/periods/${shared.periods[5]?.id ?? ''}`, {
          dueOn: '2026-06-24',
        }),
      ),
  },
  {
    endpoint: 'GET /api/plans/{planId}/summary',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/summary`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/export.xlsx',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/export.xlsx`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/bulletin',
    allowed: ['admin', 'leader', 'planner'],
    outsider: 404,
    prepare: () =>
      Promise.resolve(get(`/api/plans/${shared.plan.id}/bulletin?periodId=${shared.periods[0]?.id ?? ''}`)),
  },
  {
    endpoint: 'GET /api/tasks (planId)',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/tasks?planId=${shared.plan.id}`)),
  },
  {
    endpoint: 'GET /api/tasks',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/tasks')),
  },
  {
    endpoint: 'GET /api/my/tasks',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/my/tasks')),
  },
  {
    endpoint: 'GET /api/my/owed',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/my/owed')),
  },
  {
    endpoint: 'GET /api/tasks/overview',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/tasks/overview?mine=false')),
  },
  {
    endpoint: 'GET /api/reports',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get(`/api/reports?itemId=${shared.item('推进紧密型县域医共体建设').id}`)),
  },
  {
    endpoint: 'GET /api/reports/{id}',
    allowed: ALL,
    outsider: 404,
    prepare: async () =>
      get(`/api/reports/${(await report(await publishFixturePlan(t, session('planner')), true)).id}`),
  },
  {
    endpoint: 'POST /api/reports',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () => {
      const plan = await publishFixturePlan(t, session('planner'));
      return send('POST', '/api/reports', {
        itemId: plan.item('推进紧密型县域医共体建设').id,
        unitId: c.units.medical.id,
        periodId: plan.periods[0]?.id,
        percent: 10,
      });
    },
  },
  {
    endpoint: 'PATCH /api/reports/{id}',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () => {
      const draft = await report(await publishFixturePlan(t, session('planner')), false);
      return send('PATCH', `/api/reports/${draft.id}`, { version: draft.version, percent: 55 });
    },
  },
  {
    endpoint: 'POST /api/reports/{id}/submit',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () => {
      const draft = await report(await publishFixturePlan(t, session('planner')), false);
      return send(
        'POST',
        `/api/reports/${draft.id}/submit`,
        { version: draft.version },
        { 'idempotency-key': `matrix-${draft.id}` },
      );
    },
  },
  {
    endpoint: 'POST /api/reports/{id}/return',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const submitted = await report(await publishFixturePlan(t, session('planner')), true);
      return send('POST', `/api/reports/${submitted.id}/return`, {
        version: submitted.version,
        reason: '数据不全',
      });
    },
  },
  {
    endpoint: 'POST /api/reports/{id}/accept',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const submitted = await report(await publishFixturePlan(t, session('planner')), true);
      return send('POST', `/api/reports/${submitted.id}/accept`, { version: submitted.version });
    },
  },
  {
    endpoint: 'POST /api/reports/accept-batch',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const submitted = await report(await publishFixturePlan(t, session('planner')), true);
      return send('POST', '/api/reports/accept-batch', {
        reports: [{ id: submitted.id, version: submitted.version }],
      });
    },
  },
  {
    endpoint: 'GET /api/tasks/{id}/comments',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/tasks/${shared.item('强化妇幼健康服务').id}/comments`)),
  },
  {
    endpoint: 'POST /api/tasks/{id}/comments',
    allowed: COMMENTERS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('POST', `/api/tasks/${shared.item('强化妇幼健康服务').id}/comments`, { body: '请加快进度' }),
      ),
  },
  {
    endpoint: 'GET /api/reports/{id}/comments',
    allowed: ALL,
    outsider: 404,
    prepare: async () =>
      get(
        `/api/reports/${(await report(await publishFixturePlan(t, session('planner')), true)).id}/comments`,
      ),
  },
  {
    endpoint: 'POST /api/reports/{id}/comments',
    allowed: COMMENTERS,
    outsider: 404,
    prepare: async () =>
      send(
        'POST',
        `/api/reports/${(await report(await publishFixturePlan(t, session('planner')), true)).id}/comments`,
        { body: '已阅' },
      ),
  },
  {
    endpoint: 'GET /api/reports/{id}/attachments',
    allowed: ALL,
    outsider: 404,
    prepare: async () =>
      get(
        `/api/reports/${(await report(await publishFixturePlan(t, session('planner')), true)).id}/attachments`,
      ),
  },
  {
    endpoint: 'POST /api/reports/{id}/attachments',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () => {
      const draft = await report(await publishFixturePlan(t, session('planner')), false);
      const { payload, headers } = multipartFile('evidence.pdf', '%PDF-1.7\n%%EOF');
      return (as) =>
        t.as(as, { method: 'POST', url: `/api/reports/${draft.id}/attachments`, payload, headers });
    },
  },
  {
    endpoint: 'GET /api/attachments/{id}',
    allowed: ALL,
    outsider: 404,
    prepare: async () => {
      const draft = await report(await publishFixturePlan(t, session('planner')), false);
      const { payload, headers } = multipartFile('evidence.pdf', '%PDF-1.7\n%%EOF');
      const created = await t.as(session('reporter'), {
        method: 'POST',
        url: `/api/reports/${draft.id}/attachments`,
        payload,
        headers,
      });
      await t.as(session('reporter'), {
        method: 'POST',
        url: `/api/reports/${draft.id}/submit`,
        payload: { version: draft.version },
      });
      return get(`/api/attachments/${created.json<{ id: string }>().id}`);
    },
  },
  {
    endpoint: 'DELETE /api/attachments/{id}',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () => {
      const draft = await report(await publishFixturePlan(t, session('planner')), false);
      const { payload, headers } = multipartFile('evidence.pdf', '%PDF-1.7\n%%EOF');
      const created = await t.as(session('reporter'), {
        method: 'POST',
        url: `/api/reports/${draft.id}/attachments`,
        payload,
        headers,
      });
      return send('DELETE', `/api/attachments/${created.json<{ id: string }>().id}`);
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/attainment',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/attainment`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/text',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/text`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/source',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/source`)),
  },
  {
    endpoint: 'GET /api/unit-groups',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/unit-groups')),
  },
  {
    endpoint: 'PUT /api/unit-groups',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () => Promise.resolve(send('PUT', '/api/unit-groups', { name: '委直属各单位', unitIds: [] })),
  },
  {
    endpoint: 'GET /api/units',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/units')),
  },
  {
    endpoint: 'POST /api/units',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () =>
      Promise.resolve(
        send('POST', '/api/units', {
          name: `新单位${String(Math.random()).slice(2, 10)}`,
          kind: 'other',
          aliases: [],
        }),
      ),
  },
  {
    endpoint: 'GET /api/users',
    allowed: ['admin', 'secadmin'],
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/users')),
  },
  {
    endpoint: 'POST /api/users',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () =>
      Promise.resolve(
        send('POST', '/api/users', {
          username: `u${String(Math.random()).slice(2, 12)}`,
          displayName: '新用户',
          role: 'viewer',
          password: 'Long-enough-password-4',
        }),
      ),
  },
  {
    endpoint: 'PATCH /api/users/{id}',
    allowed: ['admin'],
    outsider: 404,
    prepare: async () => {
      const user = await createUser(t.db, c.tenant.id, { role: 'viewer' });
      return send('PATCH', `/api/users/${user.id}`, { version: user.version, displayName: '改名后的用户' });
    },
  },
  {
    endpoint: 'PUT /api/users/{id}/role',
    allowed: ['secadmin'],
    outsider: 404,
    outsiderAs: 'secadmin',
    prepare: async () => {
      const user = await createUser(t.db, c.tenant.id, { role: 'viewer' });
      return send('PUT', `/api/users/${user.id}/role`, { version: user.version, role: 'leader' });
    },
  },
  {
    endpoint: 'PUT /api/users/{id}/active',
    allowed: ['secadmin'],
    outsider: 404,
    outsiderAs: 'secadmin',
    prepare: async () => {
      const user = await createUser(t.db, c.tenant.id, { role: 'viewer' });
      return send('PUT', `/api/users/${user.id}/active`, { version: user.version, active: false });
    },
  },
  {
    endpoint: 'PATCH /api/units/{id}',
    allowed: ['admin'],
    outsider: 404,
    prepare: async () => {
      const unit = await createUnit(t.db, c.tenant.id);
      return send('PATCH', `/api/units/${unit.id}`, {
        aliases: [`别名${String(Math.random()).slice(2, 8)}`],
      });
    },
  },
  {
    endpoint: 'POST /api/users/{id}/password',
    allowed: ['secadmin'],
    outsider: 404,
    outsiderAs: 'secadmin',
    prepare: async () => {
      const user = await createUser(t.db, c.tenant.id, { role: 'viewer' });
      return send('POST', `/api/users/${user.id}/password`, { newPassword: 'Another-long-password-5' });
    },
  },
  {
    endpoint: 'POST /api/users/{id}/unlock',
    allowed: ['secadmin'],
    outsider: 404,
    outsiderAs: 'secadmin',
    prepare: async () => {
      const user = await createUser(t.db, c.tenant.id, { role: 'viewer' });
      return send('POST', `/api/users/${user.id}/unlock`, {});
    },
  },
  {
    endpoint: 'GET /api/audit',
    allowed: ['auditor'],
    outsider: 'own',
    outsiderAs: 'auditor',
    prepare: () => Promise.resolve(get('/api/audit')),
  },
  {
    endpoint: 'GET /api/audit/verify',
    allowed: ['auditor'],
    outsider: 'own',
    outsiderAs: 'auditor',
    prepare: () => Promise.resolve(get('/api/audit/verify')),
  },
  {
    endpoint: 'GET /api/plans/{planId}/periods/{periodId}/owed',
    allowed: ALL,
    outsider: 404,
    prepare: () =>
      Promise.resolve(get(`/api/plans/${shared.plan.id}/periods/${shared.periods[0]?.id ?? ''}/owed`)),
  },
  {
    endpoint: 'GET /api/notifications',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/notifications')),
  },
  {
    endpoint: 'POST /api/notifications/{id}/read',
    allowed: SIGNED_IN,
    outsider: 404,
    // Each role marks a notification of its own; the outsider tries the viewer's.
    prepare: () =>
      Promise.resolve(async (as) => {
        const me = (await t.as(as, { method: 'GET', url: '/api/auth/me' })).json<{ id: string }>();
        const probing = as === sessions.get('outsider.admin') || as === sessions.get('sibling.admin');
        const owner = probing ? c.users.viewer.id : me.id;
        const tenantId = probing ? c.tenant.id : undefined;
        const [row] = await t.db
          .insertInto('notifications')
          .values({
            tenant_id:
              tenantId ??
              (
                await t.db
                  .selectFrom('users')
                  .select('tenant_id')
                  .where('id', '=', owner)
                  .executeTakeFirstOrThrow()
              ).tenant_id,
            user_id: owner,
            kind: 'reminder.due',
            title: '测试提醒',
            link: null,
            key: `matrix:${String(Math.random())}`,
            created_at: t.clock.now(),
          })
          .returning('id')
          .execute();
        return t.as(as, { method: 'POST', url: `/api/notifications/${row?.id ?? ''}/read` });
      }),
  },
  {
    endpoint: 'POST /api/notifications/read-all',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(send('POST', '/api/notifications/read-all')),
  },
  {
    endpoint: 'GET /api/notifications/settings',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/notifications/settings')),
  },
  {
    endpoint: 'PUT /api/notifications/settings',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () =>
      Promise.resolve(send('PUT', '/api/notifications/settings', { email: null, notifyEmail: false })),
  },
  {
    endpoint: 'GET /api/plans/{planId}/reminders',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/reminders`)),
  },
  {
    endpoint: 'PUT /api/plans/{planId}/reminders',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('PUT', `/api/plans/${shared.plan.id}/reminders`, {
          enabled: true,
          before: [2],
          onDue: true,
          after: [1],
          shiftToWorkday: true,
        }),
      ),
  },
  {
    endpoint: 'GET /api/units/{unitId}/robots',
    allowed: ['admin'],
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/units/${c.units.medical.id}/robots`)),
  },
  {
    endpoint: 'PUT /api/units/{unitId}/robots',
    allowed: ['admin'],
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('PUT', `/api/units/${c.units.medical.id}/robots`, {
          robots: [
            {
              kind: 'wecom',
              webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
              secret: null,
              enabled: false,
            },
          ],
        }),
      ),
  },
  {
    endpoint: 'GET /api/system/clock',
    allowed: SIGNED_IN,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/system/clock')),
  },
  {
    // Moves the test clock an hour's worth at most matters little: a day, with every session moved along.
    endpoint: 'POST /api/system/clock/advance',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () => Promise.resolve(send('POST', '/api/system/clock/advance', { days: 1 })),
  },
  {
    endpoint: 'GET /api/security/password-policy',
    allowed: ['secadmin'],
    outsider: 'own',
    outsiderAs: 'secadmin',
    prepare: () => Promise.resolve(get('/api/security/password-policy')),
  },
  {
    endpoint: 'PUT /api/security/password-policy',
    allowed: ['secadmin'],
    outsider: 'own',
    outsiderAs: 'secadmin',
    // The current version, read by the caller's commission's security administrator, with the defaults.
    prepare: () =>
      Promise.resolve(async (as) => {
        const current = await t.as(session('secadmin'), {
          method: 'GET',
          url: '/api/security/password-policy',
        });
        // The version of the caller's own commission's policy (another or a sibling commission has its own).
        const own = await t.as(as, { method: 'GET', url: '/api/security/password-policy' });
        const version = (own.statusCode === 200 ? own : current).json<{ version: number }>().version;
        return t.as(as, {
          method: 'PUT',
          url: '/api/security/password-policy',
          payload: {
            minLength: 10,
            minClasses: 3,
            history: 5,
            expiryDays: 90,
            forceChangeAfterReset: true,
            idleMinutes: 30,
            absoluteHours: 12,
            version,
          },
        });
      }),
  },
  {
    endpoint: 'GET /api/calendar',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/calendar?year=2026')),
  },
  {
    // Each role sets the same day; the administrator's own commission is the only one it changes.
    endpoint: 'PUT /api/calendar/days/{date}',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () =>
      Promise.resolve(send('PUT', '/api/calendar/days/2026-07-03', { workday: false, note: '' })),
  },
  {
    endpoint: 'DELETE /api/calendar/days/{date}',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () => Promise.resolve(send('DELETE', '/api/calendar/days/2026-07-03')),
  },
  {
    endpoint: 'GET /api/tenants',
    allowed: ['admin', 'operator'],
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/tenants')),
  },
  {
    endpoint: 'POST /api/tenants',
    allowed: ['operator'],
    outsider: 404,
    outsiderAs: 'operator',
    prepare: () => {
      const code = `m-${String(Math.random()).slice(2, 10)}`;
      return Promise.resolve(
        send('POST', '/api/tenants', {
          parentId: c.tenant.id,
          code,
          name: `${code}县卫生健康局`,
          level: 'county',
          admin: { username: `${code}-admin`, displayName: '管理员', password: 'County#Admin2026' },
        }),
      );
    },
  },
  {
    endpoint: 'PUT /api/tenants/{id}/active',
    allowed: ['operator'],
    outsider: 404,
    outsiderAs: 'operator',
    prepare: async () => {
      const county = await createTenant(t.db, { parentId: c.tenant.id, level: 'county' });
      return send('PUT', `/api/tenants/${county.id}/active`, { active: false });
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/periods/{periodId}/values.xlsx',
    allowed: ['reporter'],
    outsider: 403,
    prepare: () =>
      Promise.resolve(get(`/api/plans/${shared.plan.id}/periods/${shared.periods[0]?.id ?? ''}/values.xlsx`)),
  },
  {
    endpoint: 'POST /api/plans/{planId}/periods/{periodId}/values/preview',
    allowed: ['reporter'],
    outsider: 403,
    prepare: () => {
      const { payload, headers } = multipartFile('values.csv', valuesCsv());
      return Promise.resolve((as) =>
        t.as(as, {
          method: 'POST',
          url: `/api/plans/${shared.plan.id}/periods/${shared.periods[11]?.id ?? ''}/values/preview`,
          payload,
          headers,
        }),
      );
    },
  },
  {
    // The same file every time: the reporter's first upload writes, any later one replays it.
    endpoint: 'POST /api/plans/{planId}/periods/{periodId}/values',
    allowed: ['reporter'],
    outsider: 403,
    prepare: () => {
      const { payload, headers } = multipartFile('values.csv', valuesCsv());
      return Promise.resolve((as) =>
        t.as(as, {
          method: 'POST',
          url: `/api/plans/${shared.plan.id}/periods/${shared.periods[11]?.id ?? ''}/values`,
          payload,
          headers,
        }),
      );
    },
  },
  {
    endpoint: 'POST /api/values',
    allowed: ['reporter'],
    outsider: 403,
    prepare: () =>
      Promise.resolve(
        send(
          'POST',
          '/api/values',
          {
            planId: shared.plan.id,
            periodId: shared.periods[10]?.id,
            values: [
              { itemId: shared.item('推进医保支付方式改革').id, unitId: c.units.medical.id, percent: 20 },
            ],
          },
          { 'idempotency-key': 'matrix-push-values' },
        ),
      ),
  },
  {
    endpoint: 'GET /api/tokens',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/tokens')),
  },
  {
    endpoint: 'POST /api/tokens',
    allowed: ['admin'],
    outsider: 'own',
    prepare: () => Promise.resolve(send('POST', '/api/tokens', { name: '矩阵测试', scopes: ['plans:read'] })),
  },
  {
    endpoint: 'POST /api/tokens/{id}/revoke',
    allowed: ['admin'],
    outsider: 404,
    prepare: async () => {
      const created = await t.as(session('admin'), {
        method: 'POST',
        url: '/api/tokens',
        payload: { name: '待吊销', scopes: ['values:write'] },
      });
      return send('POST', `/api/tokens/${created.json<{ token: { id: string } }>().token.id}/revoke`);
    },
  },
  {
    endpoint: 'PUT /api/plans/{planId}/public',
    allowed: EDITORS,
    outsider: 404,
    prepare: () => Promise.resolve(send('PUT', `/api/plans/${shared.plan.id}/public`, { public: true })),
  },
  {
    endpoint: 'GET /api/notifications/messages',
    allowed: EDITORS,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/notifications/messages')),
  },
  {
    endpoint: 'GET /api/milestone-templates',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/milestone-templates')),
  },
  {
    endpoint: 'GET /api/tasks/{id}/milestones',
    allowed: ALL,
    outsider: 404,
    prepare: () =>
      Promise.resolve(get(`/api/tasks/${shared.item('推进紧密型县域医共体建设').id}/milestones`)),
  },
  {
    endpoint: 'PUT /api/tasks/{id}/milestones',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('PUT', `/api/tasks/${shared.item('推进紧密型县域医共体建设').id}/milestones`, {
          milestones: [{ name: '立项', plannedOn: '2026-03-01' }],
        }),
      ),
  },
  {
    endpoint: 'POST /api/milestones/{id}/actual',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () => {
      const m = await milestone();
      return send('POST', `/api/milestones/${m.id}/actual`, { version: m.version, actualOn: '2026-05-01' });
    },
  },
  {
    endpoint: 'POST /api/milestones/{id}/confirm',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const m = await milestone();
      return send('POST', `/api/milestones/${m.id}/confirm`, { version: m.version, actualOn: '2026-05-01' });
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/milestones',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/milestones`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/year-links',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/year-links`)),
  },
  {
    endpoint: 'POST /api/plans/{planId}/year-links/propose',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await nextYearDraft();
      return send('POST', `/api/plans/${plan.id}/year-links/propose`, { previousPlanId: shared.plan.id });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/year-links/decisions',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await nextYearDraft();
      const proposed = await t.as(session('planner'), {
        method: 'POST',
        url: `/api/plans/${plan.id}/year-links/propose`,
        payload: { previousPlanId: shared.plan.id },
      });
      const [link] = proposed.json<{ links: { id: string; version: number }[] }>().links;
      if (!link) throw new Error('no link proposed');
      return send('POST', `/api/plans/${plan.id}/year-links/decisions`, {
        decisions: [{ id: link.id, version: link.version, status: 'confirmed' }],
      });
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/carry-forward',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await nextYearDraft();
      return send('POST', `/api/plans/${plan.id}/carry-forward`, { previousPlanId: shared.plan.id });
    },
  },
  {
    endpoint: 'GET /api/targets/{id}/history',
    allowed: ALL,
    outsider: 404,
    prepare: () => {
      const target = shared.item('推进紧密型县域医共体建设').targets[0];
      if (!target) throw new Error('no target');
      return Promise.resolve(get(`/api/targets/${target.id}/history`));
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/assessment/rules',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/assessment/rules`)),
  },
  {
    endpoint: 'PUT /api/plans/{planId}/assessment/rules',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await publishFixturePlan(t, session('planner'));
      const current = await t.as(session('planner'), {
        method: 'GET',
        url: `/api/plans/${plan.plan.id}/assessment/rules`,
      });
      const { rules, version } = current.json<{ rules: object; version: number }>();
      return send('PUT', `/api/plans/${plan.plan.id}/assessment/rules`, { version, rules });
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/assessment',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/assessment`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/assessment/published',
    allowed: ALL,
    outsider: 404,
    prepare: async () => {
      const plan = await publishFixturePlan(t, session('planner'));
      await t.as(session('planner'), {
        method: 'POST',
        url: `/api/plans/${plan.plan.id}/assessment/publish`,
        payload: { asOf: '2026-05-01' },
      });
      return get(`/api/plans/${plan.plan.id}/assessment/published`);
    },
  },
  {
    endpoint: 'POST /api/plans/{planId}/assessment/publish',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () => {
      const plan = await publishFixturePlan(t, session('planner'));
      return send('POST', `/api/plans/${plan.plan.id}/assessment/publish`, { asOf: '2026-05-01' });
    },
  },
  {
    endpoint: 'GET /api/plans/{planId}/assessment/export.xlsx',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/assessment/export.xlsx`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/assessment/evaluations',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/assessment/evaluations`)),
  },
  {
    endpoint: 'PUT /api/plans/{planId}/assessment/evaluations/{unitId}',
    allowed: ['leader'],
    outsider: 403,
    prepare: () =>
      Promise.resolve(
        send('PUT', `/api/plans/${shared.plan.id}/assessment/evaluations/${c.units.medical.id}`, {
          score: 88,
        }),
      ),
  },
  {
    endpoint: 'GET /api/supervision',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/supervision')),
  },
  {
    endpoint: 'GET /api/supervision/{id}',
    allowed: ALL,
    outsider: 404,
    prepare: async () => get(`/api/supervision/${(await supervisionNotice()).id}`),
  },
  {
    // The office and the unit named; a leader only when it owns the task or 分管 the unit (this one does neither).
    endpoint: 'GET /api/supervision/{id}/document',
    allowed: ['admin', 'planner', 'reporter'],
    outsider: 404,
    prepare: async () => get(`/api/supervision/${(await supervisionNotice()).id}/document`),
  },
  {
    endpoint: 'POST /api/supervision',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('POST', '/api/supervision', {
          planId: shared.plan.id,
          level: 'blue',
          unitIds: [c.units.medical.id],
          itemIds: [shared.item('推进紧密型县域医共体建设').id],
          reason: '矩阵测试',
        }),
      ),
  },
  {
    // Unit scope on top: the notice names the reporter's own unit (another unit's is refused in the route test).
    endpoint: 'POST /api/supervision/{id}/sign',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () =>
      send('POST', `/api/supervision/${(await supervisionNotice()).id}/sign`, { version: 1 }),
  },
  {
    endpoint: 'POST /api/supervision/{id}/respond',
    allowed: ['reporter'],
    outsider: 403,
    prepare: async () => {
      const notice = await supervisionNotice();
      await t.as(session('reporter'), {
        method: 'POST',
        url: `/api/supervision/${notice.id}/sign`,
        payload: { version: 1 },
      });
      return send('POST', `/api/supervision/${notice.id}/respond`, { version: 2, response: '已整改' });
    },
  },
  {
    endpoint: 'POST /api/supervision/{id}/close',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () =>
      send('POST', `/api/supervision/${(await supervisionNotice()).id}/close`, { version: 1 }),
  },
  {
    endpoint: 'POST /api/supervision/{id}/escalate',
    allowed: EDITORS,
    outsider: 404,
    prepare: async () =>
      send('POST', `/api/supervision/${(await supervisionNotice()).id}/escalate`, { version: 1 }),
  },
  {
    endpoint: 'GET /api/plans/{planId}/supervision-rules',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/supervision-rules`)),
  },
  {
    endpoint: 'PUT /api/plans/{planId}/supervision-rules',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('PUT', `/api/plans/${shared.plan.id}/supervision-rules`, DEFAULT_SUPERVISION_RULES),
      ),
  },
  {
    endpoint: 'GET /api/plans/{planId}/leaders',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/leaders`)),
  },
  {
    endpoint: 'PUT /api/plans/{planId}/items/{itemId}/leader',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send(
          'PUT',
          `/api/plans/${shared.plan.id}/items/${shared.item('推进紧密型县域医共体建设').id}/leader`,
          {
            leaderId: c.users.leader.id,
          },
        ),
      ),
  },
  {
    endpoint: 'PUT /api/plans/{planId}/units/{unitId}/leader',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('PUT', `/api/plans/${shared.plan.id}/units/${c.units.medical.id}/leader`, {
          leaderId: c.users.leader.id,
        }),
      ),
  },
  {
    endpoint: 'GET /api/my/key-projects',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/my/key-projects')),
  },
  {
    endpoint: 'GET /api/tasks/{id}/instructions',
    allowed: ALL,
    outsider: 404,
    prepare: () =>
      Promise.resolve(get(`/api/tasks/${shared.item('推进紧密型县域医共体建设').id}/instructions`)),
  },
  {
    endpoint: 'POST /api/tasks/{id}/instructions',
    allowed: ['leader'],
    outsider: 403,
    prepare: () =>
      Promise.resolve(
        send('POST', `/api/tasks/${shared.item('推进紧密型县域医共体建设').id}/instructions`, {
          body: '抓紧推进',
        }),
      ),
  },
  // The cascade (issue 10): this commission is a city to its county below and a county to the province above.
  {
    endpoint: 'GET /api/plans/{planId}/cascade',
    allowed: EDITORS,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/cascade`)),
  },
  {
    endpoint: 'POST /api/plans/{planId}/cascade',
    allowed: EDITORS,
    outsider: 404,
    prepare: () => Promise.resolve(send('POST', `/api/plans/${shared.plan.id}/cascade`, {})),
  },
  {
    endpoint: 'GET /api/plans/{planId}/cascade/rollup',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/cascade/rollup`)),
  },
  {
    endpoint: 'GET /api/plans/{planId}/targets/{targetId}/quotas',
    allowed: ALL,
    outsider: 404,
    prepare: () => Promise.resolve(get(`/api/plans/${shared.plan.id}/targets/${cascadedTarget()}/quotas`)),
  },
  {
    endpoint: 'PUT /api/plans/{planId}/targets/{targetId}/quotas',
    allowed: EDITORS,
    outsider: 404,
    prepare: () =>
      Promise.resolve(
        send('PUT', `/api/plans/${shared.plan.id}/targets/${cascadedTarget()}/quotas`, {
          method: 'weighted_mean',
        }),
      ),
  },
  {
    endpoint: 'GET /api/cascade/weights',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/cascade/weights')),
  },
  {
    endpoint: 'PUT /api/cascade/weights',
    allowed: EDITORS,
    outsider: 'own',
    prepare: () => Promise.resolve(send('PUT', '/api/cascade/weights', { name: '常住人口', values: [] })),
  },
  {
    endpoint: 'GET /api/cascade/inbox',
    allowed: ALL,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/cascade/inbox')),
  },
  {
    endpoint: 'POST /api/cascade/inbox/{itemId}/accept',
    allowed: EDITORS,
    outsider: 404,
    // A fresh change by the province each time, so every allowed role has a proposal to accept.
    prepare: async () => {
      const proposal = await provinceProposal();
      return send('POST', `/api/cascade/inbox/${proposal.itemId}/accept`, {
        fingerprint: proposal.fingerprint,
      });
    },
  },
  {
    endpoint: 'GET /api/cascade/parent-tasks',
    allowed: EDITORS,
    outsider: 'own',
    prepare: () => Promise.resolve(get('/api/cascade/parent-tasks')),
  },
  {
    endpoint: 'POST /api/cascade/links',
    allowed: EDITORS,
    outsider: 404,
    // A task of a fresh draft of this commission's, linked to a task of a fresh province plan (a province task
    // links to one task of each county).
    prepare: async () => {
      const own = await draftPlan();
      const province = await provincePlan();
      return send('POST', '/api/cascade/links', {
        itemId: itemOf(own, '强化妇幼健康服务').id,
        cityItemId: itemOf(province, '强化妇幼健康服务').id,
      });
    },
  },
];

/** A fresh notice to the reporter's unit, issued by the planning office (each cell's role gets its own). */
async function supervisionNotice(): Promise<{ id: string }> {
  const response = await t.as(session('planner'), {
    method: 'POST',
    url: '/api/supervision',
    payload: {
      planId: shared.plan.id,
      level: 'blue',
      unitIds: [c.units.medical.id],
      itemIds: [shared.item('推进紧密型县域医共体建设').id],
      reason: '矩阵测试',
    },
  });
  return response.json<{ notice: { id: string } }>().notice;
}

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()) });
  const parent = await createTenant(t.db, { level: 'province' });
  c = await createCommission(t.db, { parentId: parent.id });
  outsiderCommission = await createCommission(t.db);
  siblingCommission = await createCommission(t.db, { parentId: parent.id });
  for (const role of ROLES) {
    const user = role === 'reporter' ? c.users.reporter : c.users[role];
    sessions.set(role, await t.login(user));
  }
  for (const prober of ['admin', 'secadmin', 'auditor', 'operator'] as const) {
    sessions.set(`outsider.${prober}`, await t.login(outsiderCommission.users[prober]));
    sessions.set(`sibling.${prober}`, await t.login(siblingCommission.users[prober]));
  }
  shared = await publishFixturePlan(t, session('planner'));
  // The cascade: a county below this commission (its 临水县 bureau unit stands for it), and the province above
  // with a planner and a county bureau unit standing for this commission.
  const county = await createTenant(t.db, { parentId: c.tenant.id, level: 'county' });
  await createUser(t.db, county.id, { role: 'admin' });
  await t.db
    .updateTable('org_units')
    .set({ linked_tenant_id: county.id })
    .where('tenant_id', '=', c.tenant.id)
    .where('id', '=', c.units.countyA.id)
    .execute();
  provincePlanner = await t.login(await createUser(t.db, parent.id, { role: 'planner' }));
  const bureau = await createUnit(t.db, parent.id, { name: '本市卫生健康委', kind: 'county' });
  await t.db
    .updateTable('org_units')
    .set({ linked_tenant_id: c.tenant.id })
    .where('tenant_id', '=', parent.id)
    .where('id', '=', bureau.id)
    .execute();
  await insertUnitGroup(t.db, parent.id, '各县市区卫生健康局', [bureau.id]);
  await createUser(t.db, c.tenant.id, { role: 'viewer' });
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

/** Routes the app serves beside the API proper: the docs and the OpenAPI document itself. */
const NOT_ENDPOINTS = /^(GET|POST|PUT|PATCH|DELETE) \/api\/(docs\b.*|openapi\.json)$/;
/** Client methods that are not rows: the generic call, a second view of a row, a URL for a link. */
// Wrappers over a row another method already names: settings is updatePlan; taskPage is one page of tasks;
// auditPage is one page of the audit log with its cursor.
const CLIENT_HELPERS = new Set([
  'call',
  'currentPeriod',
  'transport',
  'updatePlanSettings',
  'attachmentUrl',
  'taskPage',
  'auditPage',
]);

const keyOf = (endpoint: AnyEndpoint): string => `${endpoint.method} ${openApiPath(endpoint.path)}`;
/** Rows reachable without a session (health, sign-in, the public page): no role to test, nothing to refuse. */
const PUBLIC_ROWS = ENDPOINT_LIST.filter((row) => row.public).map(keyOf);
const missingFrom = (have: readonly string[], want: Iterable<string>): string[] =>
  [...want].filter((entry) => !have.includes(entry)).sort();

describe('endpoint contract', () => {
  it('names the same endpoints in the table, the registered routes, the OpenAPI document, this matrix and the client', () => {
    const table = ENDPOINT_LIST.map(keyOf);
    expect(
      table.filter((key, i) => table.indexOf(key) !== i),
      'rows declared twice',
    ).toEqual([]);
    const names = ENDPOINT_LIST.map((row) => row.name);
    expect(
      names.filter((name, i) => names.indexOf(name) !== i),
      'client names used twice',
    ).toEqual([]);

    const routes = registeredRoutes(t.app)
      .filter((route) => / \/api\//.test(route) && !NOT_ENDPOINTS.test(route))
      .map((route) => route.replace(/:([A-Za-z]+)/g, '{$1}'));
    expect(
      missingFrom(table, routes),
      'routes registered without a row in packages/core/src/endpoints (add the row, register it with register())',
    ).toEqual([]);
    expect(missingFrom(routes, table), 'rows of the table no route registers').toEqual([]);

    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(missingFrom(table, documented), 'OpenAPI operations without a row').toEqual([]);
    expect(missingFrom(documented, table), 'rows missing from the OpenAPI document').toEqual([]);

    const matrix = cells.map((cell) => cell.endpoint.replace(/ \(.*\)$/, ''));
    const guarded = ENDPOINT_LIST.filter((row) => !row.public).map(keyOf);
    expect(missingFrom(matrix, guarded), 'rows without a cell in this matrix').toEqual([]);
    expect(missingFrom(guarded, matrix), 'cells of this matrix without a (non-public) row').toEqual([]);
    const beyondPermission = cells.flatMap((cell) => {
      const row = ENDPOINT_LIST.find((r) => keyOf(r) === cell.endpoint.replace(/ \(.*\)$/, ''));
      const permission = row?.permission;
      if (!permission) return [];
      return cell.allowed.filter((role) => !can(role, permission)).map((role) => `${cell.endpoint}: ${role}`);
    });
    expect(beyondPermission, "cells allowing a role the row's permission does not grant").toEqual([]);

    const client = createApiClient({ baseUrl: '', fetch: () => Promise.reject(new Error('offline')) });
    const methods = Object.keys(client).filter(
      (key) => typeof (client as unknown as Record<string, unknown>)[key] === 'function',
    );
    expect(missingFrom(methods, names), 'rows without a client method').toEqual([]);
    expect(
      missingFrom(names, methods).filter((name) => !CLIENT_HELPERS.has(name)),
      'client methods without a row',
    ).toEqual([]);
  });
});

describe('authorisation matrix', () => {
  it('has a row for every route in the OpenAPI document (bar the public health check)', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((route) => !PUBLIC_ROWS.includes(route));
    const covered = new Set(cells.map((cell) => cell.endpoint.replace(/ \(.*\)$/, '')));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(35);
  });

  it('refuses every non-public row without a session (401) and answers the public ones', async () => {
    const fill = (path: string) => path.replace(/:([A-Za-z]+)/g, '00000000-0000-4000-8000-000000000000');
    const answers = await Promise.all(
      ENDPOINT_LIST.filter((row) => !row.public).map(async (row) => {
        const response = await t.app.inject({ method: row.method, url: fill(row.path) });
        return `${keyOf(row)} ${String(response.statusCode)}`;
      }),
    );
    expect(answers.filter((a) => !a.endsWith(' 401'))).toEqual([]);
    expect(PUBLIC_ROWS.sort()).toEqual([
      'GET /api/health',
      'GET /api/public/plans/{publicId}',
      'POST /api/auth/login',
    ]);
  });

  for (const cell of cells) {
    for (const role of ROLES) {
      const allowed = cell.allowed.includes(role);
      it(`${cell.endpoint} as ${role}: ${allowed ? 'allowed' : '403'}`, async () => {
        const call = await cell.prepare();
        const response = await call(session(role));
        if (allowed)
          expect([response.statusCode, response.body.slice(0, 200)]).toEqual([
            expect.toSatisfy((s: number) => s >= 200 && s < 300),
            expect.anything(),
          ]);
        else
          expect([response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([
            403,
            'forbidden',
          ]);
      });
    }
    for (const kind of ['outsider', 'sibling'] as const) {
      const who = kind === 'outsider' ? "another commission's" : "a sibling commission's";
      it(`${cell.endpoint} as ${who} ${cell.outsiderAs ?? 'admin'}: ${String(cell.outsider)}`, async () => {
        const call = await cell.prepare();
        const response = await call(session(`${kind}.${cell.outsiderAs ?? 'admin'}`));
        expect(response.body).not.toContain(shared.plan.id);
        expect(response.body).not.toContain(c.tenant.id);
        if (cell.outsider === 'own') expect(response.statusCode).toBeLessThan(300);
        else expect(response.statusCode).toBe(cell.outsider);
      });
    }
  }
});
