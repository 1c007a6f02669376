import {
  CommentList,
  LoginResponse,
  Me,
  PeriodList,
  PlanDetail,
  PlanList,
  ReportList,
  ReportResponse,
  TaskList,
  Unit,
  UnitList,
  User,
  UserList,
  type AssignmentRole,
  type PeriodKind,
  type Role,
  type TargetOp,
  type TaskStatus,
  type UnitKind,
} from '@yaodian/core';
import type { z } from 'zod';
import { AttachmentList, Attachment, Health, UnitGroupList, UnitGroup } from './extra-schemas.js';
import { download, request, setCsrfToken, upload } from './http.js';

export type MeDto = z.infer<typeof Me>;
export type PlanSummaryDto = z.infer<typeof PlanList>['plans'][number];
export type PlanDetailDto = z.infer<typeof PlanDetail>;
export type ItemDto = PlanDetailDto['items'][number];
export type TargetDto = ItemDto['targets'][number];
export type TaskDto = z.infer<typeof TaskList>['tasks'][number];
export type ReportDto = z.infer<typeof ReportResponse>['report'];
export type PeriodDto = z.infer<typeof PeriodList>['periods'][number];
export type UnitDto = z.infer<typeof Unit>;
export type UserDto = z.infer<typeof User>;
export type CommentDto = z.infer<typeof CommentList>['comments'][number];

export interface ReportFields {
  percent: number;
  narrative: string;
  problems: string;
  nextSteps: string;
  actuals: { targetId: string; value: number; note: string }[];
}

export interface TargetFields {
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

const enc = encodeURIComponent;

/** Every call the web app makes, typed by the shared contract. */
export const api = {
  health: () => request('GET', '/api/health', { schema: Health }),

  async login(username: string, password: string): Promise<MeDto> {
    const result = await request('POST', '/api/auth/login', {
      body: { username, password },
      schema: LoginResponse,
    });
    setCsrfToken(result.csrfToken);
    return result.user;
  },
  async logout(): Promise<void> {
    try {
      await request('POST', '/api/auth/logout');
    } finally {
      setCsrfToken(null);
    }
  },
  me: () => request('GET', '/api/auth/me', { schema: Me }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),

  plans: async () => (await request('GET', '/api/plans', { schema: PlanList })).plans,
  plan: (planId: string) => request('GET', `/api/plans/${enc(planId)}`, { schema: PlanDetail }),
  importPlan: (file: File, onProgress: (percent: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload('/api/plans', form, onProgress, PlanDetail);
  },
  updatePlan: (planId: string, version: number, patch: { title?: string; year?: number }) =>
    request('PATCH', `/api/plans/${enc(planId)}`, { body: { version, ...patch }, schema: PlanDetail }),
  publishPlan: (planId: string, version: number) =>
    request('POST', `/api/plans/${enc(planId)}/publish`, { body: { version }, schema: PlanDetail }),
  rematch: (planId: string) => request('POST', `/api/plans/${enc(planId)}/rematch`, { schema: PlanDetail }),

  updateItem: (
    planId: string,
    item: ItemDto,
    patch: { title?: string; number?: string; isTask?: boolean; deadline?: string | null },
  ) =>
    request('PATCH', `/api/plans/${enc(planId)}/items/${enc(item.id)}`, {
      body: { version: item.version, ...patch },
      schema: PlanDetail,
    }),
  moveItem: (planId: string, item: ItemDto, parentId: string | null, position: number) =>
    request('POST', `/api/plans/${enc(planId)}/items/${enc(item.id)}/move`, {
      body: { version: item.version, parentId, position },
      schema: PlanDetail,
    }),
  mergeItem: (planId: string, item: ItemDto, into: ItemDto) =>
    request('POST', `/api/plans/${enc(planId)}/items/${enc(item.id)}/merge`, {
      body: { version: item.version, intoId: into.id, intoVersion: into.version },
      schema: PlanDetail,
    }),
  deleteItem: (planId: string, item: ItemDto) =>
    request('DELETE', `/api/plans/${enc(planId)}/items/${enc(item.id)}`, {
      query: { version: item.version },
      schema: PlanDetail,
    }),
  setAssignments: (planId: string, item: ItemDto, assignments: { unitId: string; role: AssignmentRole }[]) =>
    request('PUT', `/api/plans/${enc(planId)}/items/${enc(item.id)}/assignments`, {
      body: { version: item.version, assignments },
      schema: PlanDetail,
    }),

  createTarget: (planId: string, itemId: string, fields: TargetFields) =>
    request('POST', `/api/plans/${enc(planId)}/targets`, { body: { itemId, ...fields }, schema: PlanDetail }),
  updateTarget: (planId: string, target: TargetDto, fields: TargetFields) =>
    request('PATCH', `/api/plans/${enc(planId)}/targets/${enc(target.id)}`, {
      body: { version: target.version, ...fields },
      schema: PlanDetail,
    }),
  deleteTarget: (planId: string, target: TargetDto) =>
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

  tasks: async (query: {
    planId?: string;
    sectionId?: string;
    unitId?: string;
    status?: TaskStatus;
    q?: string;
    dueBefore?: string;
  }) => (await request('GET', '/api/tasks', { query, schema: TaskList })).tasks,
  myTasks: async () => (await request('GET', '/api/my/tasks', { schema: TaskList })).tasks,

  reports: async (
    query: { itemId?: string; unitId?: string; periodId?: string; state?: ReportDto['state'] } = {},
  ) => (await request('GET', '/api/reports', { query, schema: ReportList })).reports,
  report: async (id: string) =>
    (await request('GET', `/api/reports/${enc(id)}`, { schema: ReportResponse })).report,
  createReport: async (
    fields: ReportFields & { itemId: string; unitId: string; periodId: string; submit: boolean },
    idempotencyKey: string,
  ) =>
    (
      await request('POST', '/api/reports', {
        body: fields,
        headers: { 'Idempotency-Key': idempotencyKey },
        schema: ReportResponse,
      })
    ).report,
  updateReport: async (report: ReportDto, fields: ReportFields) =>
    (
      await request('PATCH', `/api/reports/${enc(report.id)}`, {
        body: { version: report.version, ...fields },
        schema: ReportResponse,
      })
    ).report,
  submitReport: async (report: ReportDto, idempotencyKey: string) =>
    (
      await request('POST', `/api/reports/${enc(report.id)}/submit`, {
        body: { version: report.version },
        headers: { 'Idempotency-Key': idempotencyKey },
        schema: ReportResponse,
      })
    ).report,
  returnReport: async (report: ReportDto, reason: string) =>
    (
      await request('POST', `/api/reports/${enc(report.id)}/return`, {
        body: { version: report.version, reason },
        schema: ReportResponse,
      })
    ).report,
  acceptReport: async (report: ReportDto) =>
    (
      await request('POST', `/api/reports/${enc(report.id)}/accept`, {
        body: { version: report.version },
        schema: ReportResponse,
      })
    ).report,

  attachments: async (reportId: string) =>
    (await request('GET', `/api/reports/${enc(reportId)}/attachments`, { schema: AttachmentList }))
      .attachments,
  uploadAttachment: (reportId: string, file: File, onProgress: (percent: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(`/api/reports/${enc(reportId)}/attachments`, form, onProgress, Attachment);
  },
  attachmentUrl: (id: string) => `/api/attachments/${enc(id)}`,

  comments: async (itemId: string) =>
    (await request('GET', `/api/tasks/${enc(itemId)}/comments`, { schema: CommentList })).comments,
  addComment: async (itemId: string, body: string) =>
    (await request('POST', `/api/tasks/${enc(itemId)}/comments`, { body: { body }, schema: CommentList }))
      .comments,

  exportXlsx: (planId: string, fallbackName: string) =>
    download(`/api/plans/${enc(planId)}/export.xlsx`, fallbackName),

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

/** The cleaned document text the items' spans index into (see NEEDS-SERVER.md). */
export async function planSource(planId: string): Promise<string> {
  const body = await request<{ text: string }>('GET', `/api/plans/${encodeURIComponent(planId)}/text`);
  if (typeof body.text !== 'string') throw new Error('no source text');
  return body.text;
}
