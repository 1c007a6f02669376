import type { InstructionDto, KeyProject, PlanLeaders } from '@yaodian/core';
import type { InstructionRow, KeyProjectRow } from '../repositories/leader-repository.js';

const LEVEL_ORDER = ['red', 'yellow', 'blue'] as const;

/** The plan's leaders: each leader's id and name, each item's and each unit's leader id. */
export function presentPlanLeaders(
  leaders: { id: string; display_name: string }[],
  items: { id: string; number: string; title: string; is_task: boolean; leader_id: string | null }[],
  units: { id: string; name: string; leader_id: string | null }[],
): PlanLeaders {
  return {
    leaders: leaders.map((l) => ({ id: l.id, name: l.display_name })),
    items: items.map((i) => ({
      itemId: i.id,
      number: i.number,
      title: i.title,
      isTask: i.is_task,
      leaderId: i.leader_id,
    })),
    units: units.map((u) => ({ unitId: u.id, name: u.name, leaderId: u.leader_id })),
  };
}

/** A key project: the task, its status and percent, how the leader owns it, open 督办 and latest reports. */
export function presentKeyProject(row: KeyProjectRow): KeyProject {
  return {
    planId: row.plan_id,
    itemId: row.item_id,
    number: row.number,
    title: row.title,
    status: row.status,
    percent: row.percent,
    via: row.via,
    openSupervision: row.open_supervision,
    highestLevel: LEVEL_ORDER.find((l) => (row.levels ?? []).includes(l)) ?? null,
    latestReports: row.latest_reports.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
  };
}

/** A 批示: who wrote it, when, and its one line. */
export function presentInstruction(row: InstructionRow): InstructionDto {
  return {
    id: row.id,
    itemId: row.item_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}
