import { describe, expect, it } from 'vitest';
import { item } from '../../test/factories.js';
import { allIds, buildTree, filterTree, siblingsOf } from './tree.js';

describe('plan tree', () => {
  const root = item({ title: 'root', position: 0 });
  const second = item({ title: 'b', parentId: root.id, position: 1 });
  const first = item({ title: 'a', parentId: root.id, position: 0 });
  const orphan = item({ title: 'orphan', parentId: '00000000-0000-4000-8000-999999999999', position: 5 });

  it('nests children under parents in position order and keeps orphans as roots', () => {
    const tree = buildTree([root, second, first, orphan]);
    expect(tree.map((n) => n.item.title)).toEqual(['root', 'orphan']);
    expect(tree[0]?.children.map((n) => n.item.title)).toEqual(['a', 'b']);
    expect(allIds(tree)).toEqual([root.id, first.id, second.id, orphan.id]);
  });

  it('keeps matching items with their ancestors only', () => {
    const kept = filterTree(buildTree([root, first, second]), (i) => i.title === 'b');
    expect(allIds(kept)).toEqual([root.id, second.id]);
  });

  it('finds an item among its siblings', () => {
    expect(siblingsOf([root, second, first], second).index).toBe(1);
  });
});
