import type { Item as PlanItem, Plan, Target as PlanTarget } from '@yaodian/parser';
import type { AssignmentRole, NewItem, NewTarget } from '../db/schema.js';
import type { AssignmentRecord, UnmatchedRecord } from './assignment-records.js';

export interface PlanRows {
  items: NewItem[];
  assignments: AssignmentRecord[];
  unmatched: UnmatchedRecord[];
  targets: NewTarget[];
}

/** A calendar date the database will take; the engine's guess of an impossible day (2月30日) becomes null. */
export function validDate(iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

/** Lower is better where the plan caps a value or asks for a fall (控制在…以下, 下降, 降至). */
export function inferDirection(op: PlanTarget['op'], text: string): 'higher' | 'lower' {
  if (op === '<=') return 'lower';
  return /下降|降低|降至|减少|控制在/.test(text) ? 'lower' : 'higher';
}

function targetRow(tenantId: string, itemId: string, target: PlanTarget, position: number): NewTarget {
  const range = Array.isArray(target.value) ? target.value : null;
  return {
    tenant_id: tenantId,
    item_id: itemId,
    position,
    metric: target.metric.slice(0, 200) || target.text.slice(0, 200) || '指标',
    op: target.op,
    value: range ? null : (target.value as number),
    lo: range ? Math.min(range[0], range[1]) : null,
    hi: range ? Math.max(range[0], range[1]) : null,
    unit: target.unit,
    basis: target.basis,
    direction: inferDirection(target.op, target.text),
    baseline: null,
    deadline: validDate(target.deadline),
    deadline_text: target.deadlineText,
    text: target.text,
    source_start: target.source.start,
    source_end: target.source.end,
  };
}

function rolesOf(item: PlanItem): [string, AssignmentRole][] {
  const lead = new Set(item.lead);
  const support = new Set(item.support);
  const names = [...item.units, ...item.lead, ...item.support];
  const seen = new Set<string>();
  const out: [string, AssignmentRole][] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    out.push([name, lead.has(name) ? 'lead' : support.has(name) ? 'support' : 'unit']);
  }
  return out;
}

/** The item's own text names responsible units (a 牵头/配合/责任单位 clause). */
function hasClause(item: PlanItem): boolean {
  return item.units.length + item.lead.length + item.support.length > 0;
}

function clauseBelow(item: PlanItem): boolean {
  return item.children.some((child) => hasClause(child) || clauseBelow(child));
}

/**
 * Whether an item becomes a task, decided once at import: a leaf, or an item with its own responsibility
 * clause when nothing below it has one (its children are then steps). Where children carry clauses of
 * their own, they are the tasks and the parent is a section. Nothing below a task is a task.
 */
export function isTaskAtImport(item: PlanItem, underTask: boolean): boolean {
  if (underTask) return false;
  return item.children.length === 0 || (hasClause(item) && !clauseBelow(item));
}

/**
 * Flattens the engine's item tree into rows (pre-order, ids chosen here so parents and children
 * insert in one statement) and resolves printed unit names through `match`.
 */
export function planToRows(
  plan: Plan,
  ids: { tenantId: string; planId: string; newId: () => string },
  match: (printed: string) => string[] | null,
): PlanRows {
  const rows: PlanRows = { items: [], assignments: [], unmatched: [], targets: [] };
  const visit = (
    item: PlanItem,
    parentId: string | null,
    position: number,
    level: number,
    underTask: boolean,
  ): void => {
    const id = ids.newId();
    const isTask = isTaskAtImport(item, underTask);
    rows.items.push({
      tenant_id: ids.tenantId,
      id,
      plan_id: ids.planId,
      parent_id: parentId,
      position,
      number: item.number.slice(0, 20),
      level,
      title: item.title || item.text.slice(0, 80) || item.number,
      text: item.text,
      is_task: isTask,
      deadline: validDate(item.deadline),
      deadline_text: item.deadlineText,
      source_start: item.source.start,
      source_end: item.source.end,
    });
    const assigned = new Map<string, AssignmentRole>();
    for (const [name, role] of rolesOf(item)) {
      const unitIds = match(name);
      if (!unitIds) {
        rows.unmatched.push({ itemId: id, name, role });
        continue;
      }
      // A unit named twice (directly and through a group) keeps its strongest role.
      for (const unitId of unitIds) if (!assigned.has(unitId) || role === 'lead') assigned.set(unitId, role);
    }
    for (const [unitId, role] of assigned) rows.assignments.push({ itemId: id, unitId, role });
    item.targets.forEach((target, i) => rows.targets.push(targetRow(ids.tenantId, id, target, i)));
    item.children.forEach((child, i) => {
      visit(child, id, i, Math.min(level + 1, 20), underTask || isTask);
    });
  };
  plan.items.forEach((item, i) => {
    visit(item, null, i, 1, false);
  });
  return rows;
}
