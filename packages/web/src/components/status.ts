import type { TaskStatus } from '@yaodian/core';

/** Status colours as commissions use them: green on track, amber at risk, red behind or overdue. */
export const STATUS_COLOR: Record<TaskStatus, string> = {
  done: '#1677ff',
  on_track: '#52c41a',
  at_risk: '#faad14',
  behind: '#f5222d',
  overdue: '#a8071a',
  not_started: '#8c8c8c',
};

/** The order statuses are shown in: most urgent first. */
export const STATUS_ORDER: readonly TaskStatus[] = [
  'overdue',
  'behind',
  'at_risk',
  'on_track',
  'not_started',
  'done',
];
