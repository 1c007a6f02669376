import type { PublicPlan, PublicTask, TaskStatus } from '@yaodian/core';
import type { TargetRow } from '../db/schema.js';
import { effectiveAssignments, reportingUnitIds, taskNodes } from '../domain/plan-tree.js';
import type { PlanParts } from './plan-presenter.js';

/**
 * The public page (公示). Built field by field from what may be public: titles, numbers, statuses, unit
 * names (organisations) and targets with their latest accepted value. No user, no person's name, no id of
 * anything, no narrative: a report's words are never shown here.
 */
export function presentPublicPlan(
  parts: PlanParts,
  commission: string,
  statuses: ReadonlyMap<string, TaskStatus>,
  latest: ReadonlyMap<string, { value: number; label: string }>,
): PublicPlan {
  const effective = effectiveAssignments(parts.tree, parts.assignments);
  const unitName = new Map(parts.units.map((u) => [u.id, u.name]));
  const targetsOf = (itemId: string): TargetRow[] =>
    parts.targets.filter((t) => t.item_id === itemId).sort((a, b) => a.position - b.position);
  const sections = new Map<string, { number: string; title: string; tasks: PublicTask[] }>();
  for (const node of taskNodes(parts.tree)) {
    const section = sections.get(node.section.id) ?? {
      number: node.section.number,
      title: node.section.title,
      tasks: [],
    };
    section.tasks.push({
      number: node.item.number,
      title: node.item.title,
      status: statuses.get(node.item.id) ?? null,
      units: reportingUnitIds(effective.get(node.item.id)?.assignments ?? []).flatMap((id) => {
        const name = unitName.get(id);
        return name ? [name] : [];
      }),
      targets: targetsOf(node.item.id).map((t) => ({
        metric: t.metric,
        text: t.text,
        unit: t.unit,
        op: t.op,
        value: t.value,
        lo: t.lo,
        hi: t.hi,
        latest: latest.get(t.id)?.value ?? null,
        latestPeriod: latest.get(t.id)?.label ?? null,
      })),
    });
    sections.set(node.section.id, section);
  }
  return {
    title: parts.plan.title,
    year: parts.plan.year,
    commission,
    publishedAt: parts.plan.published_at?.toISOString() ?? null,
    sections: [...sections.values()],
  };
}
