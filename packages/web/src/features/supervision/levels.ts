import type { SupervisionLevel, SupervisionNoticeDto } from '@yaodian/core';

/** The colour of each level's tag (antd preset colours). */
export const LEVEL_COLOR: Readonly<Record<SupervisionLevel, string>> = {
  blue: 'blue',
  yellow: 'gold',
  red: 'red',
};

const RANK: Readonly<Record<SupervisionLevel, number>> = { blue: 1, yellow: 2, red: 3 };

/** Per task, the number of open notices and the highest level among them (for task lists). */
export function openByTask(
  notices: readonly SupervisionNoticeDto[],
): Map<string, { open: number; level: SupervisionLevel }> {
  const map = new Map<string, { open: number; level: SupervisionLevel }>();
  for (const n of notices) {
    if (n.status !== 'issued' && n.status !== 'signed' && n.status !== 'responded') continue;
    for (const task of n.tasks) {
      const seen = map.get(task.id);
      map.set(task.id, {
        open: (seen?.open ?? 0) + 1,
        level: seen && RANK[seen.level] >= RANK[n.level] ? seen.level : n.level,
      });
    }
  }
  return map;
}
