import type { ReactNode } from 'react';
import type { ItemDto } from '../../api/endpoints.js';

export interface TreeNode {
  item: ItemDto;
  children: TreeNode[];
}

/** The item tree from the flat pre-order list (parentId + position); orphans become roots rather than vanish. */
export function buildTree(items: readonly ItemDto[]): TreeNode[] {
  const nodes = new Map(items.map((item) => [item.id, { item, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const item of items) {
    const node = nodes.get(item.id);
    if (!node) continue;
    const parent = item.parentId ? nodes.get(item.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode[]): void => {
    list.sort((a, b) => a.item.position - b.item.position);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Keeps the nodes `keep` accepts and every ancestor on their way to the root. */
export function filterTree(nodes: readonly TreeNode[], keep: (item: ItemDto) => boolean): TreeNode[] {
  const result: TreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, keep);
    if (children.length > 0 || keep(node.item)) result.push({ item: node.item, children });
  }
  return result;
}

/** Pre-order ids of a tree, for "expand all". */
export function allIds(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((n) => [n.item.id, ...allIds(n.children)]);
}

/** The item's siblings in order and its index among them. */
export function siblingsOf(items: readonly ItemDto[], item: ItemDto): { siblings: ItemDto[]; index: number } {
  const siblings = items.filter((i) => i.parentId === item.parentId).sort((a, b) => a.position - b.position);
  return { siblings, index: siblings.findIndex((s) => s.id === item.id) };
}

/** The node shape antd's Tree takes. */
export interface TreeDatum {
  key: string;
  title: ReactNode;
  children: TreeDatum[];
}
