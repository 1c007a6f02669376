import type { z } from 'zod';
import type { Role } from '../roles.js';
import { LoginResponse, Me } from '../schemas/auth.js';
import { CommentList } from '../schemas/comments.js';
import { PeriodList, type PeriodKind } from '../schemas/periods.js';
import {
  PlanDetail,
  PlanList,
  PublishCheck,
  type AssignmentRole,
  type PublishWaiverDto,
  type TargetOp,
} from '../schemas/plans.js';
import {
  Attachment,
  AttachmentList,
  ReportList,
  ReportResponse,
  type ReportState,
} from '../schemas/reports.js';
import { TASK_PAGE_MAX, TaskList, type TaskDto, type TaskStatus } from '../schemas/tasks.js';
import { Unit, UnitGroup, UnitGroupList, UnitList, type UnitKind } from '../schemas/units.js';
import { User, UserList } from '../schemas/users.js';
import type { FetchLike } from './fetch-types.js';
import { PlanSummaryReport, PlanText, TargetAttainment } from '../schemas/summary.js';
import { Health } from './responses.js';
import { createTransport, type Transport, type TransportOptions } from './transport.js';

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

/** Reads a paged task list to its end. */
async function allPages(
  page: (cursor: string | undefined) => Promise<{ tasks: TaskDto[]; nextCursor: string | null }>,
): Promise<TaskDto[]> {
  const tasks: TaskDto[] = [];
  let cursor: string | undefined;
  for (;;) {
    const next = await page(cursor);
    tasks.push(...next.tasks);
    if (next.nextCursor === null) return tasks;
    cursor = next.nextCursor;
  }
}

function endpoints<Form, Bytes>(http: Transport<Form, Bytes>) {
  const { request } = http;
  return {
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
    /** Publishes the draft; each open finding of `publishCheck` must be waived with a reason (else 409 publish_findings). */
    publishPlan: (planId: string, version: number, waivers: readonly PublishWaiverDto[] = []) =>
      request('POST', `/api/plans/${enc(planId)}/publish`, {
        body: { version, waivers },
        schema: PlanDetail,
      }),
    /** The findings publishing would stop on: tasks without a lead or unit, unmatched names, incomplete targets, untitled items. */
    publishCheck: async (planId: string) =>
      (await request('GET', `/api/plans/${enc(planId)}/publish-check`, { schema: PublishCheck })).findings,
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
    /** Splits the item's text at `offset` (after 。；; or before 一是/二是…); the second part becomes the next sibling. */
    splitItem: (planId: string, item: Versioned, offset: number) =>
      request('POST', `/api/plans/${enc(planId)}/items/${enc(item.id)}/split`, {
        body: { version: item.version, offset },
        schema: PlanDetail,
      }),
    /** Adds a typed item as the last child of `parentId` or right after `afterId`; `id` makes a retry harmless. */
    addItem: (
      plan: Versioned,
      input: {
        id?: string;
        title: string;
        text?: string;
        placement: { parentId: string | null } | { afterId: string };
      },
    ) =>
      request('POST', `/api/plans/${enc(plan.id)}/items`, {
        body: { planVersion: plan.version, ...input },
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

    /** Every matching task: the pages of the list, read in turn. */
    tasks: (query: TaskFilter) =>
      allPages((cursor) =>
        request('GET', '/api/tasks', { query: { ...query, limit: TASK_PAGE_MAX, cursor }, schema: TaskList }),
      ),
    /** One page of the list: at most `limit` tasks after `cursor`. */
    taskPage: (query: TaskFilter & { limit?: number; cursor?: string }) =>
      request('GET', '/api/tasks', { query: { ...query }, schema: TaskList }),
    myTasks: () =>
      allPages((cursor) =>
        request('GET', '/api/my/tasks', { query: { limit: TASK_PAGE_MAX, cursor }, schema: TaskList }),
      ),

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

    /** Accepts all of them in one request, or none (409 `version_conflict`, details.stale lists the changed ones). */
    acceptReports: async (reports: readonly Versioned[]) =>
      (
        await request('POST', '/api/reports/accept-batch', {
          body: { reports: reports.map((r) => ({ id: r.id, version: r.version })) },
          schema: ReportList,
        })
      ).reports,

    attachments: async (reportId: string) =>
      (await request('GET', `/api/reports/${enc(reportId)}/attachments`, { schema: AttachmentList }))
        .attachments,
    /** `form` carries the evidence file as its `file` part. */
    uploadAttachment: (reportId: string, form: Form, options: UploadOptions<Form, Bytes> = {}) =>
      request('POST', `/api/reports/${enc(reportId)}/attachments`, { form, schema: Attachment, ...options }),
    attachmentUrl: (id: string) => http.url(`/api/attachments/${enc(id)}`),
    /** While the report is a draft (or returned); refused once submitted. */
    deleteAttachment: async (id: string): Promise<void> => {
      await request('DELETE', `/api/attachments/${enc(id)}`);
    },

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

    units: async () => (await request('GET', '/api/units', { schema: UnitList })).units,
    createUnit: (name: string, kind: UnitKind, aliases: string[]) =>
      request('POST', '/api/units', { body: { name, kind, aliases }, schema: Unit }),
    updateUnit: (id: string, patch: { name?: string; kind?: UnitKind; aliases?: string[] }) =>
      request('PATCH', `/api/units/${enc(id)}`, { body: patch, schema: Unit }),
    unitGroups: async () => (await request('GET', '/api/unit-groups', { schema: UnitGroupList })).groups,
    /** Creates or replaces the group of that name. */
    saveUnitGroup: (group: { name: string; unitIds: string[] }) =>
      request('PUT', '/api/unit-groups', {
        body: { name: group.name, unitIds: group.unitIds },
        schema: UnitGroup,
      }),

    users: async () => (await request('GET', '/api/users', { schema: UserList })).users,
    createUser: (fields: {
      username: string;
      displayName: string;
      role: Role;
      password: string;
      unitIds: string[];
    }) => request('POST', '/api/users', { body: fields, schema: User }),
    updateUser: (id: string, patch: { displayName?: string; role?: Role; unitIds?: string[] }) =>
      request('PATCH', `/api/users/${enc(id)}`, { body: patch, schema: User }),
  };
}

/** One method per endpoint, each answer checked against the contract; `transport` is the lower level. */
export type ApiClient<Form = never, Bytes = unknown> = ReturnType<typeof endpoints<Form, Bytes>> & {
  readonly transport: Transport<Form, Bytes>;
};

/** A typed client of the Yaodian API over any fetch-compatible function. */
export function createApiClient<Form = never, Bytes = unknown>(
  options: TransportOptions<Form, Bytes>,
): ApiClient<Form, Bytes> {
  const transport = createTransport(options);
  return { ...endpoints(transport), transport };
}
