import type { z } from 'zod';
import { LoginResponse, Me } from '../schemas/auth.js';
import { CommentList } from '../schemas/comments.js';
import { PeriodList, type PeriodKind } from '../schemas/periods.js';
import { PlanDetail, PlanList, type AssignmentRole, type TargetOp } from '../schemas/plans.js';
import {
  Attachment,
  AttachmentList,
  ReportList,
  ReportResponse,
  type ReportState,
} from '../schemas/reports.js';
import { TaskList, type TaskStatus } from '../schemas/tasks.js';
import type { UnitKind } from '../schemas/units.js';
import type { FetchLike } from './fetch-types.js';
import { PlanSummaryReport, PlanText, TargetAttainment } from '../schemas/summary.js';
import { Health } from './responses.js';
import { createTransport, type Transport, type TransportOptions } from './transport.js';
import { ENDPOINT_LIST, ENDPOINTS, type AnyEndpoint, type EndpointName } from '../endpoints/index.js';
import { callEndpoint, type CallInput, type CallOptions, type CallOutput } from './call.js';

/** A row the server guards with optimistic locking: writes send back the version they read. */
export interface Versioned {
  id: string;
  version: number;
}

export interface ReportFieldsInput {
  percent: number;
  narrative: string;
  problems: string;
  nextSteps: string;
  actuals: { targetId: string; value: number; note: string }[];
}

export interface TargetFieldsInput {
  metric: string;
  op: TargetOp;
  value: number | null;
  lo: number | null;
  hi: number | null;
  unit: string;
  direction?: 'higher' | 'lower';
  deadline: string | null;
  text?: string;
}

/** Filters of the task list; empty values are left out of the query. */
export interface TaskFilter {
  planId?: string;
  sectionId?: string;
  unitId?: string;
  status?: TaskStatus;
  q?: string;
  dueBefore?: string;
}

export interface ReportFilter {
  itemId?: string;
  unitId?: string;
  periodId?: string;
  state?: ReportState;
}

/** For uploads: a transport of the host's own, e.g. one that reports progress. */
export interface UploadOptions<Form, Bytes> {
  fetch?: FetchLike<Form, Bytes>;
}

const enc = encodeURIComponent;

type Generated<Form, Bytes> = {
  [K in EndpointName]: (
    input: CallInput<(typeof ENDPOINTS)[K], Form>,
    options?: CallOptions<Form, Bytes>,
  ) => Promise<CallOutput<(typeof ENDPOINTS)[K]['response'], Bytes>>;
};

/** One method per row of the endpoint table, each taking `{ params, query, body }` as the row types them. */
function generated<Form, Bytes>(http: Transport<Form, Bytes>): Generated<Form, Bytes> {
  const methods: Record<string, unknown> = {};
  for (const endpoint of ENDPOINT_LIST)
    methods[endpoint.name] = (input: CallInput<AnyEndpoint, Form>, options?: CallOptions<Form, Bytes>) =>
      callEndpoint(http, endpoint, input, options);
  return methods as Generated<Form, Bytes>;
}

/** The named methods the web calls, as thin wrappers over rows of the table. */
function endpoints<Form, Bytes>(http: Transport<Form, Bytes>) {
  const { request } = http;
  const call = <E extends AnyEndpoint>(
    endpoint: E,
    input: CallInput<E, Form>,
    options?: CallOptions<Form, Bytes>,
  ): Promise<CallOutput<E['response'], Bytes>> => callEndpoint(http, endpoint, input, options);
  return {
    /** Any row of the table, e.g. `call(ENDPOINTS.updateUnit, { params: { id }, body })`. */
    call,
    health: () => request('GET', '/api/health', { schema: Health }),

    /** Signs in and keeps the CSRF token for the writes that follow. */
    async login(username: string, password: string): Promise<z.infer<typeof Me>> {
      const result = await request('POST', '/api/auth/login', {
        body: { username, password },
        schema: LoginResponse,
      });
      http.csrf.set(result.csrfToken);
      return result.user;
    },
    async logout(): Promise<void> {
      try {
        await request('POST', '/api/auth/logout');
      } finally {
        http.csrf.set(null);
      }
    },
    me: () => request('GET', '/api/auth/me', { schema: Me }),
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await request('POST', '/api/auth/password', { body: { currentPassword, newPassword } });
    },

    plans: async () => (await request('GET', '/api/plans', { schema: PlanList })).plans,
    plan: (planId: string) => request('GET', `/api/plans/${enc(planId)}`, { schema: PlanDetail }),
    /** `form` carries the document as its `file` part. */
    importPlan: (form: Form, options: UploadOptions<Form, Bytes> = {}) =>
      request('POST', '/api/plans', { form, schema: PlanDetail, ...options }),
    updatePlan: (planId: string, version: number, patch: { title?: string; year?: number }) =>
      request('PATCH', `/api/plans/${enc(planId)}`, { body: { version, ...patch }, schema: PlanDetail }),
    publishPlan: (planId: string, version: number) =>
      request('POST', `/api/plans/${enc(planId)}/publish`, { body: { version }, schema: PlanDetail }),
    rematch: (planId: string) => request('POST', `/api/plans/${enc(planId)}/rematch`, { schema: PlanDetail }),
    /** The dashboard's figures, computed on the server from accepted reports only. */
    planSummary: (planId: string) =>
      request('GET', `/api/plans/${enc(planId)}/summary`, { schema: PlanSummaryReport }),
    /** Each target's accepted actuals, attainment (direction-aware, with the server's tolerance) and pending value. */
    attainment: (planId: string) =>
      request('GET', `/api/plans/${enc(planId)}/attainment`, { schema: TargetAttainment }),
    /** Title, year, thresholds and the report-loop settings (review on/off, evidence required). */
    updatePlanSettings: (
      plan: Versioned,
      patch: {
        title?: string;
        year?: number;
        thresholds?: { behindPoints: number; atRiskPoints: number };
        settings?: { reviewRequired?: boolean; evidenceRequired?: boolean };
      },
    ) =>
      request('PATCH', `/api/plans/${enc(plan.id)}`, {
        body: { version: plan.version, ...patch },
        schema: PlanDetail,
      }),
    /** The cleaned document text the items' spans index into. */
    planText: async (planId: string) =>
      (await request('GET', `/api/plans/${enc(planId)}/text`, { schema: PlanText })).text,

    updateItem: (
      planId: string,
      item: Versioned,
      patch: { title?: string; number?: string; isTask?: boolean; deadline?: string | null },
    ) =>
      request('PATCH', `/api/plans/${enc(planId)}/items/${enc(item.id)}`, {
        body: { version: item.version, ...patch },
        schema: PlanDetail,
      }),
    moveItem: (planId: string, item: Versioned, parentId: string | null, position: number) =>
      request('POST', `/api/plans/${enc(planId)}/items/${enc(item.id)}/move`, {
        body: { version: item.version, parentId, position },
        schema: PlanDetail,
      }),
    mergeItem: (planId: string, item: Versioned, into: Versioned) =>
      request('POST', `/api/plans/${enc(planId)}/items/${enc(item.id)}/merge`, {
        body: { version: item.version, intoId: into.id, intoVersion: into.version },
        schema: PlanDetail,
      }),
    deleteItem: (planId: string, item: Versioned) =>
      request('DELETE', `/api/plans/${enc(planId)}/items/${enc(item.id)}`, {
        query: { version: item.version },
        schema: PlanDetail,
      }),
    setAssignments: (
      planId: string,
      item: Versioned,
      assignments: { unitId: string; role: AssignmentRole }[],
      /** The item's unmatched printed names this change settles; the others stay unmatched. */
      settles: string[] = [],
    ) =>
      request('PUT', `/api/plans/${enc(planId)}/items/${enc(item.id)}/assignments`, {
        body: { version: item.version, assignments, settles },
        schema: PlanDetail,
      }),
    /** Maps a printed name to a unit (it becomes the unit's alias) and re-matches only that name's rows. */
    resolveUnmatched: (plan: Versioned, name: string, unitId: string) =>
      request('POST', `/api/plans/${enc(plan.id)}/unmatched/resolve`, {
        body: { name, unitId, version: plan.version },
        schema: PlanDetail,
      }),
    /** Creates the unit a printed name stands for (planners may), under the unit screen's name rules. */
    createUnmatchedUnit: (plan: Versioned, unit: { name: string; kind: UnitKind; aliases: string[] }) =>
      request('POST', `/api/plans/${enc(plan.id)}/unmatched/create`, {
        body: { ...unit, version: plan.version },
        schema: PlanDetail,
      }),

    createTarget: (planId: string, itemId: string, fields: TargetFieldsInput) =>
      request('POST', `/api/plans/${enc(planId)}/targets`, {
        body: { itemId, ...fields },
        schema: PlanDetail,
      }),
    updateTarget: (planId: string, target: Versioned, fields: TargetFieldsInput) =>
      request('PATCH', `/api/plans/${enc(planId)}/targets/${enc(target.id)}`, {
        body: { version: target.version, ...fields },
        schema: PlanDetail,
      }),
    deleteTarget: (planId: string, target: Versioned) =>
      request('DELETE', `/api/plans/${enc(planId)}/targets/${enc(target.id)}`, {
        query: { version: target.version },
        schema: PlanDetail,
      }),

    periods: async (planId: string) =>
      (await request('GET', `/api/plans/${enc(planId)}/periods`, { schema: PeriodList })).periods,
    generatePeriods: async (planId: string, kind: PeriodKind, dueDay: number) =>
      (
        await request('POST', `/api/plans/${enc(planId)}/periods`, {
          body: { kind, dueDay },
          schema: PeriodList,
        })
      ).periods,

    tasks: async (query: TaskFilter) =>
      (await request('GET', '/api/tasks', { query: { ...query }, schema: TaskList })).tasks,
    myTasks: async () => (await request('GET', '/api/my/tasks', { schema: TaskList })).tasks,

    reports: async (query: ReportFilter = {}) =>
      (await request('GET', '/api/reports', { query: { ...query }, schema: ReportList })).reports,
    report: async (id: string) =>
      (await request('GET', `/api/reports/${enc(id)}`, { schema: ReportResponse })).report,
    /** The key makes a retried submission count once. */
    createReport: async (
      fields: ReportFieldsInput & { itemId: string; unitId: string; periodId: string; submit: boolean },
      idempotencyKey: string,
    ) =>
      (
        await request('POST', '/api/reports', {
          body: fields,
          headers: { 'Idempotency-Key': idempotencyKey },
          schema: ReportResponse,
        })
      ).report,
    updateReport: async (report: Versioned, fields: ReportFieldsInput) =>
      (
        await request('PATCH', `/api/reports/${enc(report.id)}`, {
          body: { version: report.version, ...fields },
          schema: ReportResponse,
        })
      ).report,
    submitReport: async (report: Versioned, idempotencyKey: string) =>
      (
        await request('POST', `/api/reports/${enc(report.id)}/submit`, {
          body: { version: report.version },
          headers: { 'Idempotency-Key': idempotencyKey },
          schema: ReportResponse,
        })
      ).report,
    returnReport: async (report: Versioned, reason: string) =>
      (
        await request('POST', `/api/reports/${enc(report.id)}/return`, {
          body: { version: report.version, reason },
          schema: ReportResponse,
        })
      ).report,
    acceptReport: async (report: Versioned) =>
      (
        await request('POST', `/api/reports/${enc(report.id)}/accept`, {
          body: { version: report.version },
          schema: ReportResponse,
        })
      ).report,

    attachments: async (reportId: string) =>
      (await request('GET', `/api/reports/${enc(reportId)}/attachments`, { schema: AttachmentList }))
        .attachments,
    /** `form` carries the evidence file as its `file` part. */
    uploadAttachment: (reportId: string, form: Form, options: UploadOptions<Form, Bytes> = {}) =>
      request('POST', `/api/reports/${enc(reportId)}/attachments`, { form, schema: Attachment, ...options }),
    attachmentUrl: (id: string) => http.url(`/api/attachments/${enc(id)}`),

    comments: async (itemId: string) =>
      (await request('GET', `/api/tasks/${enc(itemId)}/comments`, { schema: CommentList })).comments,
    addComment: async (itemId: string, body: string) =>
      (
        await request('POST', `/api/tasks/${enc(itemId)}/comments`, {
          body: { body },
          schema: CommentList,
        })
      ).comments,

    /** The 推进表 workbook of a plan, with the file name the server chose. */
    exportXlsx: (planId: string) => http.download(`/api/plans/${enc(planId)}/export.xlsx`),

    units: async () => (await call(ENDPOINTS.units, {})).units,
    createUnit: (name: string, kind: UnitKind, aliases: string[]) =>
      call(ENDPOINTS.createUnit, { body: { name, kind, aliases } }),
    updateUnit: (id: string, patch: z.input<typeof ENDPOINTS.updateUnit.body>) =>
      call(ENDPOINTS.updateUnit, { params: { id }, body: patch }),
    unitGroups: async () => (await call(ENDPOINTS.unitGroups, {})).groups,
    /** Creates or replaces the group of that name. */
    saveUnitGroup: (group: z.input<typeof ENDPOINTS.saveUnitGroup.body>) =>
      call(ENDPOINTS.saveUnitGroup, { body: { name: group.name, unitIds: group.unitIds } }),

    users: async () => (await call(ENDPOINTS.users, {})).users,
    createUser: (fields: z.input<typeof ENDPOINTS.createUser.body>) =>
      call(ENDPOINTS.createUser, { body: fields }),
    updateUser: (id: string, patch: z.input<typeof ENDPOINTS.updateUser.body>) =>
      call(ENDPOINTS.updateUser, { params: { id }, body: patch }),
  };
}

/** One method per endpoint, each answer checked against the contract; `transport` is the lower level. */
type Wrappers<Form, Bytes> = ReturnType<typeof endpoints<Form, Bytes>>;
export type ApiClient<Form = never, Bytes = unknown> = Omit<
  Generated<Form, Bytes>,
  keyof Wrappers<Form, Bytes>
> &
  Wrappers<Form, Bytes> & {
    readonly transport: Transport<Form, Bytes>;
  };

/** A typed client of the Yaodian API over any fetch-compatible function. */
export function createApiClient<Form = never, Bytes = unknown>(
  options: TransportOptions<Form, Bytes>,
): ApiClient<Form, Bytes> {
  const transport = createTransport(options);
  return { ...generated(transport), ...endpoints(transport), transport };
}
