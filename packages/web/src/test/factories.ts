import type { ItemDto, PeriodDto, PlanDetailDto, ReportDto, TargetDto, TaskDto } from '../api/endpoints.js';

let counter = 0;
/** A distinct, valid-looking UUID per call, so tests never share ids by accident. */
export function uuid(): string {
  counter++;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function task(overrides: Partial<TaskDto> = {}): TaskDto {
  return {
    id: uuid(),
    planId: 'p',
    sectionId: null,
    sectionTitle: null,
    number: '1.',
    title: 'task',
    text: '',
    deadline: null,
    deadlineText: null,
    leadUnits: [],
    supportUnits: [],
    reportingUnits: [],
    status: 'not_started',
    statusReason: '',
    percent: null,
    latestNarrative: null,
    pending: [],
    ...overrides,
  };
}

export function target(overrides: Partial<TargetDto> = {}): TargetDto {
  return {
    id: uuid(),
    itemId: 'i',
    metric: 'm',
    op: '>=',
    value: 90,
    lo: null,
    hi: null,
    unit: '%',
    basis: 'level',
    direction: 'higher',
    baseline: null,
    deadline: null,
    deadlineText: null,
    text: '',
    version: 1,
    ...overrides,
  };
}

export function item(overrides: Partial<ItemDto> = {}): ItemDto {
  return {
    id: uuid(),
    parentId: null,
    position: 0,
    number: '1.',
    level: 1,
    title: 'item',
    text: '',
    isTask: true,
    deadline: null,
    deadlineText: null,
    source: null,
    splitOffsets: [],
    version: 1,
    assignments: [],
    unmatchedUnits: [],
    targets: [],
    ...overrides,
  };
}

export function period(overrides: Partial<PeriodDto> = {}): PeriodDto {
  return {
    id: uuid(),
    planId: 'p',
    kind: 'monthly',
    label: 'M',
    startsOn: '2026-01-01',
    endsOn: '2026-01-31',
    dueOn: '2026-01-25',
    ...overrides,
  };
}

export function report(overrides: Partial<ReportDto> = {}): ReportDto {
  return {
    id: uuid(),
    itemId: 'i',
    unitId: 'u',
    periodId: 'pe',
    percent: 50,
    narrative: '',
    problems: '',
    nextSteps: '',
    state: 'submitted',
    returnReason: null,
    noSubstanceAt: null,
    version: 1,
    actuals: [],
    submittedAt: null,
    reviewedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function plan(overrides: Partial<PlanDetailDto> = {}): PlanDetailDto {
  return {
    id: uuid(),
    title: '2026年工作要点',
    year: 2026,
    status: 'published',
    version: 1,
    sourceFileName: null,
    sourceSha256: null,
    createdAt: '2026-01-01T00:00:00Z',
    publishedAt: '2026-01-02T00:00:00Z',
    taskCount: 0,
    thresholds: { behindPoints: 20, atRiskPoints: 10 },
    settings: { reviewRequired: true, evidenceRequired: false, bulkValuesAccepted: false },
    publicId: null,
    warnings: [],
    items: [],
    unmatchedUnits: [],
    ...overrides,
  };
}
