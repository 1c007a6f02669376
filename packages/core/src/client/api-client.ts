import type { z } from 'zod';
import {
  ENDPOINT_LIST,
  ENDPOINTS,
  fillPath,
  type AnyEndpoint,
  type EndpointName,
} from '../endpoints/index.js';
import type { Role } from '../roles.js';
import type { Me } from '../schemas/auth.js';
import type { PublishWaiverDto } from '../schemas/plans.js';
import { TASK_PAGE_MAX, type TaskDto } from '../schemas/tasks.js';
import type { UnitKind } from '../schemas/units.js';
import type { FetchLike } from './fetch-types.js';
import { callEndpoint, type CallInput, type CallOptions, type CallOutput } from './call.js';
import { createTransport, type Transport, type TransportOptions } from './transport.js';

/** A row the server guards with optimistic locking: writes send back the version they read. */
export interface Versioned {
  id: string;
  version: number;
}

/** For uploads: a transport of the host's own, e.g. one that reports progress. */
export interface UploadOptions<Form, Bytes> {
  fetch?: FetchLike<Form, Bytes>;
}

type Body<N extends EndpointName> = z.input<Exclude<(typeof ENDPOINTS)[N]['body'], 'multipart' | undefined>>;
type Query<N extends EndpointName> = z.input<Exclude<(typeof ENDPOINTS)[N]['query'], undefined>>;
/** A row's body without the fields the wrapper fills in itself (version, ids). */
type Fields<N extends EndpointName, K extends string> = Omit<Body<N>, K>;

/** The task list's filters; `tasks` pages through them itself. */
type TaskFilter = Omit<Query<'tasks'>, 'limit' | 'cursor'>;

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

/** True for a row with no params, query or body: its generated method may be called with nothing. */
type Bare<E extends AnyEndpoint> = [E['params'], E['query'], E['body']] extends [
  undefined,
  undefined,
  undefined,
]
  ? true
  : false;

type Generated<Form, Bytes> = {
  [K in EndpointName]: (
    ...args: Bare<(typeof ENDPOINTS)[K]> extends true
      ? [input?: CallInput<(typeof ENDPOINTS)[K], Form>, options?: CallOptions<Form, Bytes>]
      : [input: CallInput<(typeof ENDPOINTS)[K], Form>, options?: CallOptions<Form, Bytes>]
  ) => Promise<CallOutput<(typeof ENDPOINTS)[K]['response'], Bytes>>;
};

/** One method per row of the endpoint table, each taking `{ params, query, body }` as the row types them. */
function generated<Form, Bytes>(http: Transport<Form, Bytes>): Generated<Form, Bytes> {
  const methods: Record<string, unknown> = {};
  for (const endpoint of ENDPOINT_LIST)
    methods[endpoint.name] = (input: CallInput<AnyEndpoint, Form> = {}, options?: CallOptions<Form, Bytes>) =>
      callEndpoint(http, endpoint, input, options);
  return methods as Generated<Form, Bytes>;
}

/** The named methods the web calls, as thin wrappers over rows of the table. */
function endpoints<Form, Bytes>(http: Transport<Form, Bytes>) {
  const E = ENDPOINTS;
  const call = <E extends AnyEndpoint>(
    endpoint: E,
    input: CallInput<E, Form>,
    options?: CallOptions<Form, Bytes>,
  ): Promise<CallOutput<E['response'], Bytes>> => callEndpoint(http, endpoint, input, options);
  return {
    /** Any row of the table, e.g. `call(E.updateUnit, { params: { id }, body })`. */
    call,
    /** Signs in and keeps the CSRF token for the writes that follow. */
    async login(username: string, password: string): Promise<z.infer<typeof Me>> {
      const result = await call(E.login, { body: { username, password } });
      http.csrf.set(result.csrfToken);
      return result.user;
    },
    async logout(): Promise<void> {
      try {
        await call(E.logout, {});
      } finally {
        http.csrf.set(null);
      }
    },
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await call(E.changePassword, { body: { currentPassword, newPassword } });
    },

    plans: async () => (await call(E.plans, {})).plans,
    plan: (planId: string) => call(E.plan, { params: { planId } }),
    /** `form` carries the document as its `file` part. */
    importPlan: (form: Form, options: UploadOptions<Form, Bytes> = {}) =>
      call(E.importPlan, { body: form }, options),
    updatePlan: (planId: string, version: number, patch: Fields<'updatePlan', 'version'>) =>
      call(E.updatePlan, { params: { planId }, body: { version, ...patch } }),
    /** Publishes the draft; each open finding of `publishCheck` must be waived with a reason (else 409 publish_findings). */
    publishPlan: (planId: string, version: number, waivers: readonly PublishWaiverDto[] = []) =>
      call(E.publishPlan, { params: { planId }, body: { version, waivers: [...waivers] } }),
    /** The findings publishing would stop on: tasks without a lead or unit, unmatched names, incomplete targets, untitled items. */
    publishCheck: async (planId: string) => (await call(E.publishCheck, { params: { planId } })).findings,
    archivePlan: (plan: Versioned) =>
      call(E.archivePlan, { params: { planId: plan.id }, body: { version: plan.version } }),
    rematch: (planId: string) => call(E.rematch, { params: { planId } }),
    /** The dashboard's figures, computed on the server from accepted reports only. */
    planSummary: (planId: string) => call(E.planSummary, { params: { planId } }),
    /** Each target's accepted actuals, attainment (direction-aware, with the server's tolerance) and pending value. */
    attainment: (planId: string) => call(E.attainment, { params: { planId } }),
    /** Title, year, thresholds and the report-loop settings (review on/off, evidence required). */
    updatePlanSettings: (plan: Versioned, patch: Fields<'updatePlan', 'version'>) =>
      call(E.updatePlan, { params: { planId: plan.id }, body: { version: plan.version, ...patch } }),
    /** The cleaned document text the items' spans index into. */
    planText: async (planId: string) => (await call(E.planText, { params: { planId } })).text,
    /** The document as uploaded. */
    planSource: (planId: string) => call(E.planSource, { params: { planId } }),

    updateItem: (planId: string, item: Versioned, patch: Fields<'updateItem', 'version'>) =>
      call(E.updateItem, {
        params: { planId, itemId: item.id },
        body: { version: item.version, ...patch },
      }),
    moveItem: (planId: string, item: Versioned, parentId: string | null, position: number) =>
      call(E.moveItem, {
        params: { planId, itemId: item.id },
        body: { version: item.version, parentId, position },
      }),
    mergeItem: (planId: string, item: Versioned, into: Versioned) =>
      call(E.mergeItem, {
        params: { planId, itemId: item.id },
        body: { version: item.version, intoId: into.id, intoVersion: into.version },
      }),
    /** Splits the item's text at `offset` (after 。；; or before 一是/二是…); the second part becomes the next sibling. */
    splitItem: (planId: string, item: Versioned, offset: number) =>
      call(E.splitItem, { params: { planId, itemId: item.id }, body: { version: item.version, offset } }),
    /** Adds a typed item as the last child of `parentId` or right after `afterId`; `id` makes a retry harmless. */
    addItem: (
      plan: Versioned,
      input: {
        id?: string;
        title: string;
        text?: string;
        placement: { parentId: string | null } | { afterId: string };
      },
    ) => call(E.addItem, { params: { planId: plan.id }, body: { planVersion: plan.version, ...input } }),
    deleteItem: (planId: string, item: Versioned) =>
      call(E.deleteItem, { params: { planId, itemId: item.id }, query: { version: item.version } }),
    setAssignments: (
      planId: string,
      item: Versioned,
      assignments: Body<'setAssignments'>['assignments'],
      /** The item's unmatched printed names this change settles; the others stay unmatched. */
      settles: string[] = [],
    ) =>
      call(E.setAssignments, {
        params: { planId, itemId: item.id },
        body: { version: item.version, assignments, settles },
      }),
    /** Maps a printed name to a unit (it becomes the unit's alias) and re-matches only that name's rows. */
    resolveUnmatched: (plan: Versioned, name: string, unitId: string) =>
      call(E.resolveUnmatched, {
        params: { planId: plan.id },
        body: { name, unitId, version: plan.version },
      }),
    /** Creates the unit a printed name stands for (planners may), under the unit screen's name rules. */
    createUnmatchedUnit: (plan: Versioned, unit: Fields<'createUnmatchedUnit', 'version'>) =>
      call(E.createUnmatchedUnit, { params: { planId: plan.id }, body: { ...unit, version: plan.version } }),

    createTarget: (planId: string, itemId: string, fields: Fields<'createTarget', 'itemId'>) =>
      call(E.createTarget, { params: { planId }, body: { itemId, ...fields } }),
    updateTarget: (planId: string, target: Versioned, fields: Fields<'updateTarget', 'version'>) =>
      call(E.updateTarget, {
        params: { planId, targetId: target.id },
        body: { version: target.version, ...fields },
      }),
    deleteTarget: (planId: string, target: Versioned) =>
      call(E.deleteTarget, {
        params: { planId, targetId: target.id },
        query: { version: target.version },
      }),

    periods: async (planId: string) => (await call(E.periods, { params: { planId } })).periods,
    /** The period a report is owed for today, as the server decides it; undefined for a plan without periods. */
    currentPeriod: async (planId: string) => {
      const { periods, currentId } = await call(E.periods, { params: { planId } });
      return periods.find((p) => p.id === currentId);
    },
    generatePeriods: async (planId: string, kind: Body<'generatePeriods'>['kind'], dueDay: number) =>
      (await call(E.generatePeriods, { params: { planId }, body: { kind, dueDay } })).periods,
    updatePeriod: (planId: string, periodId: string, patch: Body<'updatePeriod'>) =>
      call(E.updatePeriod, { params: { planId, periodId }, body: patch }),

    /** Every matching task: the pages of the list, read in turn. */
    tasks: (query: TaskFilter) =>
      allPages((cursor) => call(E.tasks, { query: { ...query, limit: TASK_PAGE_MAX, cursor } })),
    /** One page of the list: at most `limit` tasks after `cursor`. */
    taskPage: (query: Query<'tasks'>) => call(E.tasks, { query }),
    myTasks: () => allPages((cursor) => call(E.myTasks, { query: { limit: TASK_PAGE_MAX, cursor } })),
    /** Tasks and lagging tasks (overdue or behind) of published plans, as the server counts them. */
    taskOverview: (mine: boolean) => call(E.taskOverview, { query: { mine: mine ? 'true' : 'false' } }),
    /** What the caller's units owe for the current periods: rows, counts and returned reports. */
    myOwed: () => call(E.myOwed, {}),

    reports: async (query: Query<'reports'> = {}) => (await call(E.reports, { query })).reports,
    report: async (id: string) => (await call(E.report, { params: { id } })).report,
    /** The key makes a retried submission count once. */
    createReport: async (fields: Body<'createReport'>, idempotencyKey: string) =>
      (await call(E.createReport, { body: fields }, { headers: { 'Idempotency-Key': idempotencyKey } }))
        .report,
    updateReport: async (report: Versioned, fields: Fields<'updateReport', 'version'>) =>
      (
        await call(E.updateReport, {
          params: { id: report.id },
          body: { version: report.version, ...fields },
        })
      ).report,
    submitReport: async (report: Versioned, idempotencyKey: string) =>
      (
        await call(
          E.submitReport,
          { params: { id: report.id }, body: { version: report.version } },
          { headers: { 'Idempotency-Key': idempotencyKey } },
        )
      ).report,
    returnReport: async (report: Versioned, reason: string, noSubstance = false) =>
      (
        await call(E.returnReport, {
          params: { id: report.id },
          body: { version: report.version, reason, noSubstance },
        })
      ).report,
    acceptReport: async (report: Versioned) =>
      (await call(E.acceptReport, { params: { id: report.id }, body: { version: report.version } })).report,

    /** Accepts all of them in one request, or none (409 `version_conflict`, details.stale lists the changed ones). */
    acceptReports: async (reports: readonly Versioned[]) =>
      (
        await call(E.acceptReports, {
          body: { reports: reports.map((r) => ({ id: r.id, version: r.version })) },
        })
      ).reports,

    attachments: async (reportId: string) =>
      (await call(E.attachments, { params: { id: reportId } })).attachments,
    /** `form` carries the evidence file as its `file` part. */
    uploadAttachment: (reportId: string, form: Form, options: UploadOptions<Form, Bytes> = {}) =>
      call(E.uploadAttachment, { params: { id: reportId }, body: form }, options),
    /** Where the browser fetches an attachment itself (a link); `downloadAttachment` reads it. */
    attachmentUrl: (id: string) => http.url(fillPath(E.downloadAttachment.path, { id })),
    downloadAttachment: (id: string) => call(E.downloadAttachment, { params: { id } }),
    /** While the report is a draft (or returned); refused once submitted. */
    deleteAttachment: async (id: string): Promise<void> => {
      await call(E.deleteAttachment, { params: { id } });
    },

    comments: async (itemId: string) => (await call(E.comments, { params: { id: itemId } })).comments,
    addComment: async (itemId: string, body: string) =>
      (await call(E.addComment, { params: { id: itemId }, body: { body } })).comments,
    reportComments: async (reportId: string) =>
      (await call(E.reportComments, { params: { id: reportId } })).comments,
    addReportComment: async (reportId: string, body: string) =>
      (await call(E.addReportComment, { params: { id: reportId }, body: { body } })).comments,

    /** The 推进表 workbook of a plan, with the file name the server chose. */
    exportXlsx: (planId: string) => call(E.exportXlsx, { params: { planId } }),

    audit: async (query: Query<'audit'> = {}) => (await call(E.audit, { query })).entries,
    /** One page of the audit log with the cursor of the next (older) page. */
    auditPage: (query: Query<'audit'> = {}) => call(E.audit, { query }),

    units: async () => (await call(E.units, {})).units,
    createUnit: (name: string, kind: UnitKind, aliases: string[]) =>
      call(E.createUnit, { body: { name, kind, aliases } }),
    updateUnit: (id: string, patch: z.input<typeof E.updateUnit.body>) =>
      call(E.updateUnit, { params: { id }, body: patch }),
    unitGroups: async () => (await call(E.unitGroups, {})).groups,
    /** Creates or replaces the group of that name. */
    saveUnitGroup: (group: z.input<typeof E.saveUnitGroup.body>) =>
      call(E.saveUnitGroup, { body: { name: group.name, unitIds: group.unitIds } }),

    users: async () => (await call(E.users, {})).users,
    createUser: (fields: z.input<typeof E.createUser.body>) => call(E.createUser, { body: fields }),
    updateUser: (id: string, patch: z.input<typeof E.updateUser.body>) =>
      call(E.updateUser, { params: { id }, body: patch }),
    setUserRole: (id: string, version: number, role: Role) =>
      call(E.setUserRole, { params: { id }, body: { version, role } }),
    setUserActive: (id: string, version: number, active: boolean) =>
      call(E.setUserActive, { params: { id }, body: { version, active } }),
    /** Sets a temporary password for a user; their sessions end. */
    resetPassword: async (id: string, newPassword: string): Promise<void> => {
      await call(E.resetPassword, { params: { id }, body: { newPassword } });
    },
    /** Lifts a sign-in lockout. */
    unlockUser: async (id: string): Promise<void> => {
      await call(E.unlockUser, { params: { id } });
    },
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
