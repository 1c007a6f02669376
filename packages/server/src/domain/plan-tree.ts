import type { AssignmentRole, ItemRow } from '../db/schema.js';
import type { AssignmentRecord } from './assignment-records.js';

export interface TreeNode {
  item: ItemRow;
  children: TreeNode[];
  /** The level-1 ancestor (the section), or the item itself at the top. */
  section: ItemRow;
}

export interface PlanTree {
  roots: TreeNode[];
  byId: Map<string, TreeNode>;
  /** Items in pre-order. */
  ordered: TreeNode[];
}

export function buildTree(items: readonly ItemRow[]): PlanTree {
  const byId = new Map<string, TreeNode>();
  for (const item of items) byId.set(item.id, { item, children: [], section: item });
  const roots: TreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.item.parent_id ? byId.get(node.item.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byPosition = (a: TreeNode, b: TreeNode): number => a.item.position - b.item.position;
  roots.sort(byPosition);
  const ordered: TreeNode[] = [];
  const stack: { node: TreeNode; section: ItemRow }[] = roots
    .map((node) => ({ node, section: node.item }))
    .reverse();
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    next.node.section = next.section;
    ordered.push(next.node);
    next.node.children.sort(byPosition);
    for (let i = next.node.children.length - 1; i >= 0; i--) {
      const child = next.node.children[i];
      if (child) stack.push({ node: child, section: next.section });
    }
  }
  return { roots, byId, ordered };
}

/**
 * Tasks: the items whose stored `is_task` flag is set (decided at import, changed by the planner) with no
 * task above them. A task's children are its steps, not tasks of their own.
 */
export function taskNodes(tree: PlanTree): TreeNode[] {
  const tasks: TreeNode[] = [];
  const walk = (node: TreeNode): void => {
    if (node.item.is_task) {
      tasks.push(node);
      return;
    }
    for (const child of node.children) walk(child);
  };
  for (const root of tree.roots) walk(root);
  return tasks;
}

export interface EffectiveAssignments {
  assignments: { unitId: string; role: AssignmentRole }[];
  inherited: boolean;
}

/** An item without its own assignments inherits its nearest assigned ancestor's. */
export function effectiveAssignments(
  tree: PlanTree,
  all: readonly AssignmentRecord[],
): Map<string, EffectiveAssignments> {
  const own = new Map<string, { unitId: string; role: AssignmentRole }[]>();
  for (const a of all) own.set(a.itemId, [...(own.get(a.itemId) ?? []), { unitId: a.unitId, role: a.role }]);
  const out = new Map<string, EffectiveAssignments>();
  for (const node of tree.ordered) {
    const mine = own.get(node.item.id);
    if (mine && mine.length > 0) {
      out.set(node.item.id, { assignments: mine, inherited: false });
      continue;
    }
    const parent = node.item.parent_id ? out.get(node.item.parent_id) : undefined;
    out.set(node.item.id, {
      assignments: parent?.assignments ?? [],
      inherited: (parent?.assignments.length ?? 0) > 0,
    });
  }
  return out;
}

/** Units that owe a report: the lead units, or every assigned unit where none leads. */
export function reportingUnitIds(assignments: readonly { unitId: string; role: AssignmentRole }[]): string[] {
  const leads = assignments.filter((a) => a.role === 'lead');
  return (leads.length > 0 ? leads : assignments).map((a) => a.unitId);
}

/** The item and everything below it. */
export function subtreeIds(node: TreeNode): string[] {
  const ids: string[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    ids.push(next.item.id);
    stack.push(...next.children);
  }
  return ids;
}
