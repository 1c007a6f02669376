/**
 * Milestones: the templates a task's milestones start from, and the one rule for when a milestone is missed.
 * Templates are constants here rather than a table: they are the conventions of the plans this product serves
 * (a construction project's 立项 → 开工 → 主体封顶 → 竣工验收 → 建成投用), the same for every commission, and a
 * task's own list is freely edited after it is added (the custom template starts empty).
 */
export interface MilestoneTemplate {
  key: string;
  name: string;
  steps: readonly string[];
}

export const MILESTONE_TEMPLATES: readonly MilestoneTemplate[] = [
  { key: 'construction', name: '建设项目', steps: ['立项', '开工', '主体封顶', '竣工验收', '建成投用'] },
  { key: 'it', name: '信息化项目', steps: ['需求确认', '招标采购', '上线试运行', '验收'] },
  { key: 'custom', name: '自定义', steps: [] },
];

export interface MilestoneDates {
  name: string;
  plannedOn: string;
  /** The confirmed actual date; an unconfirmed one does not count yet. */
  actualOn: string | null;
}

/** Missed: the planned date is before today (China date) and no actual date is confirmed. */
export function isMissed(milestone: MilestoneDates, today: string): boolean {
  return milestone.actualOn === null && milestone.plannedOn < today;
}

/** The earliest missed milestone, if any: the one a task's status names. */
export function firstMissed<T extends MilestoneDates>(
  milestones: readonly T[],
  today: string,
): T | undefined {
  return milestones
    .filter((m) => isMissed(m, today))
    .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn))[0];
}
