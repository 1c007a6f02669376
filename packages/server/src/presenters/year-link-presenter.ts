import { YEAR_LINK_REASONS, type YearLinkDto, type YearLinkReason } from '@yaodian/core';
import type { TargetRow, TargetYearLinkRow, YearLinkRow } from '../db/schema.js';
import type { PlanTree } from '../domain/plan-tree.js';

/** What the presenter needs of each plan: its items, targets, and lead unit names per task. */
export interface PlanSide {
  tree: PlanTree;
  targets: ReadonlyMap<string, TargetRow>;
  leadNames: ReadonlyMap<string, string[]>;
}

const isReason = (value: string): value is YearLinkReason =>
  (YEAR_LINK_REASONS as readonly string[]).includes(value);

function taskSide(side: PlanSide, itemId: string) {
  const item = side.tree.byId.get(itemId)?.item;
  return {
    itemId,
    number: item?.number ?? '',
    title: item?.title ?? '',
    leadUnits: side.leadNames.get(itemId) ?? [],
  };
}

function targetSide(side: PlanSide, targetId: string) {
  const target = side.targets.get(targetId);
  return { targetId, metric: target?.metric ?? '', unit: target?.unit ?? '', text: target?.text ?? '' };
}

export function presentYearLink(
  link: YearLinkRow,
  targetLinks: readonly TargetYearLinkRow[],
  current: PlanSide,
  previous: PlanSide,
): YearLinkDto {
  return {
    id: link.id,
    status: link.status,
    origin: link.origin,
    score: link.score,
    reasons: link.reasons.filter(isReason),
    previous: taskSide(previous, link.previous_item_id),
    current: taskSide(current, link.item_id),
    targets: targetLinks.map((t) => ({
      previous: targetSide(previous, t.previous_target_id),
      current: targetSide(current, t.target_id),
      score: t.score,
      baseline:
        t.baseline_report_id !== null && t.baseline_value !== null
          ? { value: t.baseline_value, reportId: t.baseline_report_id, periodLabel: t.baseline_period ?? '' }
          : null,
    })),
    version: link.version,
  };
}
