import type { PublishFindingDto, PublishWaiverDto } from '@yaodian/core';
import type { TargetRow } from '../db/schema.js';
import type { AssignmentRecord, UnmatchedRecord } from './assignment-records.js';
import { effectiveAssignments, taskNodes, type PlanTree } from './plan-tree.js';

export interface PublishCheckInput {
  tree: PlanTree;
  assignments: readonly AssignmentRecord[];
  unmatched: readonly UnmatchedRecord[];
  targets: readonly Pick<TargetRow, 'id' | 'item_id' | 'metric' | 'value' | 'lo' | 'hi'>[];
}

/** An item has no title when it is empty or only repeats its numbering marker. */
function untitled(title: string, number: string): boolean {
  const t = title.trim();
  return t.length === 0 || t === number.trim();
}

/**
 * What publishing would carry into the task lists unsettled, in the plan's order: tasks without a unit,
 * tasks without a lead (only supporting units), printed unit names not matched, targets without a value
 * (the direction is always stored), items without a title. Pure: the rows in, the findings out.
 */
export function publishFindings(input: PublishCheckInput): PublishFindingDto[] {
  const { tree } = input;
  const effective = effectiveAssignments(tree, input.assignments);
  const tasks = new Set(taskNodes(tree).map((n) => n.item.id));
  const unmatchedByItem = new Map<string, UnmatchedRecord[]>();
  for (const u of input.unmatched)
    unmatchedByItem.set(u.itemId, [...(unmatchedByItem.get(u.itemId) ?? []), u]);
  const targetsByItem = new Map<string, PublishCheckInput['targets'][number][]>();
  for (const t of input.targets) targetsByItem.set(t.item_id, [...(targetsByItem.get(t.item_id) ?? []), t]);

  const findings: PublishFindingDto[] = [];
  for (const node of tree.ordered) {
    const { item } = node;
    const base = { itemId: item.id, itemNumber: item.number, itemTitle: item.title };
    if (untitled(item.title, item.number))
      findings.push({ ...base, key: `item_without_title:${item.id}`, kind: 'item_without_title' });
    if (tasks.has(item.id)) {
      const units = effective.get(item.id)?.assignments ?? [];
      if (units.length === 0)
        findings.push({ ...base, key: `task_without_unit:${item.id}`, kind: 'task_without_unit' });
      else if (!units.some((a) => a.role === 'lead' || a.role === 'unit'))
        findings.push({ ...base, key: `task_without_lead:${item.id}`, kind: 'task_without_lead' });
    }
    for (const u of unmatchedByItem.get(item.id) ?? [])
      findings.push({
        ...base,
        key: `unmatched_unit:${item.id}:${u.name}`,
        kind: 'unmatched_unit',
        name: u.name,
      });
    for (const t of targetsByItem.get(item.id) ?? []) {
      // The direction is stored NOT NULL (inferred at import), so a value is what a target can lack.
      if (t.value === null && (t.lo === null || t.hi === null))
        findings.push({
          ...base,
          key: `target_incomplete:${t.id}`,
          kind: 'target_incomplete',
          targetId: t.id,
          metric: t.metric,
        });
    }
  }
  return findings;
}

export interface WaiverOutcome {
  /** Findings no waiver covers: publishing stops while there are any. */
  open: PublishFindingDto[];
  /** The waivers that cover a current finding, with what they waive (for the audit log). */
  applied: (PublishWaiverDto & { kind: PublishFindingDto['kind']; itemId: string; name?: string })[];
}

/** Matches waivers to findings by key; a waiver for something no longer found is ignored. */
export function applyWaivers(
  findings: readonly PublishFindingDto[],
  waivers: readonly PublishWaiverDto[],
): WaiverOutcome {
  const reasons = new Map<string, string>();
  for (const w of waivers) if (w.reason.trim().length > 0) reasons.set(w.key, w.reason.trim());
  const open: PublishFindingDto[] = [];
  const applied: WaiverOutcome['applied'] = [];
  for (const f of findings) {
    const reason = reasons.get(f.key);
    if (reason === undefined) open.push(f);
    else
      applied.push({
        key: f.key,
        reason,
        kind: f.kind,
        itemId: f.itemId,
        ...(f.name !== undefined ? { name: f.name } : {}),
      });
  }
  return { open, applied };
}
