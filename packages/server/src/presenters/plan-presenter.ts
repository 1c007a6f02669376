import type { PlanDetail, TargetDto } from '@yaodian/core';
import type { OrgUnitRow, TargetRow } from '../db/schema.js';
import { splitBoundaries } from '../domain/split-item.js';
import { effectiveAssignments, taskNodes, type PlanTree } from '../domain/plan-tree.js';
import type { AssignmentRecord, UnmatchedRecord } from '../repositories/assignment-repository.js';
import type { PlanHeader } from '../repositories/plan-repository.js';

export function presentPlanSummary(plan: PlanHeader) {
  return {
    id: plan.id,
    title: plan.title,
    year: plan.year,
    status: plan.status,
    version: plan.version,
    sourceFileName: plan.source_file_name,
    sourceSha256: plan.source_sha256,
    createdAt: plan.created_at.toISOString(),
    publishedAt: plan.published_at?.toISOString() ?? null,
  };
}

export function presentTarget(t: TargetRow): TargetDto {
  return {
    id: t.id,
    itemId: t.item_id,
    metric: t.metric,
    op: t.op,
    value: t.value,
    lo: t.lo,
    hi: t.hi,
    unit: t.unit,
    basis: t.basis,
    direction: t.direction,
    baseline: t.baseline,
    deadline: t.deadline,
    deadlineText: t.deadline_text,
    text: t.text,
    version: t.version,
  };
}

export interface PlanParts {
  plan: PlanHeader;
  tree: PlanTree;
  assignments: readonly AssignmentRecord[];
  unmatched: readonly UnmatchedRecord[];
  targets: readonly TargetRow[];
  units: readonly OrgUnitRow[];
}

export function presentPlanDetail(parts: PlanParts): PlanDetail {
  const unitName = new Map(parts.units.map((u) => [u.id, u.name]));
  const effective = effectiveAssignments(parts.tree, parts.assignments);
  const targetsByItem = new Map<string, TargetRow[]>();
  for (const t of parts.targets) targetsByItem.set(t.item_id, [...(targetsByItem.get(t.item_id) ?? []), t]);
  const unmatchedByItem = new Map<string, UnmatchedRecord[]>();
  const unmatchedByName = new Map<string, string[]>();
  for (const u of parts.unmatched) {
    unmatchedByItem.set(u.itemId, [...(unmatchedByItem.get(u.itemId) ?? []), u]);
    unmatchedByName.set(u.name, [...(unmatchedByName.get(u.name) ?? []), u.itemId]);
  }
  return {
    ...presentPlanSummary(parts.plan),
    taskCount: taskNodes(parts.tree).length,
    thresholds: { behindPoints: parts.plan.behind_points, atRiskPoints: parts.plan.at_risk_points },
    settings: {
      reviewRequired: parts.plan.review_required,
      evidenceRequired: parts.plan.evidence_required,
      bulkValuesAccepted: parts.plan.bulk_values_accepted,
    },
    publicId: parts.plan.public_id,
    warnings: parts.plan.warnings.map((w) => ({ code: w.code, message: w.message })),
    items: parts.tree.ordered.map(({ item }) => {
      const eff = effective.get(item.id);
      return {
        id: item.id,
        parentId: item.parent_id,
        position: item.position,
        number: item.number,
        level: item.level,
        title: item.title,
        text: item.text,
        isTask: item.is_task,
        deadline: item.deadline,
        deadlineText: item.deadline_text,
        source:
          item.source_start === null || item.source_end === null
            ? null
            : { start: item.source_start, end: item.source_end },
        splitOffsets: splitBoundaries(item.text),
        version: item.version,
        assignments: (eff?.assignments ?? []).map((a) => ({
          unitId: a.unitId,
          unitName: unitName.get(a.unitId) ?? '',
          role: a.role,
          inherited: eff?.inherited ?? false,
        })),
        unmatchedUnits: (unmatchedByItem.get(item.id) ?? []).map((u) => ({ name: u.name, role: u.role })),
        targets: (targetsByItem.get(item.id) ?? []).map(presentTarget),
      };
    }),
    unmatchedUnits: [...unmatchedByName].map(([name, itemIds]) => ({ name, itemIds })),
  };
}
