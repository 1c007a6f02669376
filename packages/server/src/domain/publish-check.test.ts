import { describe, expect, it } from 'vitest';
import type { ItemRow } from '../db/schema.js';
import { buildTree } from './plan-tree.js';
import { applyWaivers, publishFindings, type PublishCheckInput } from './publish-check.js';

function item(id: string, parentId: string | null, fields: Partial<ItemRow> = {}): ItemRow {
  return {
    tenant_id: 't',
    id,
    plan_id: 'p',
    parent_id: parentId,
    position: 0,
    number: '',
    level: parentId ? 2 : 1,
    title: `事项${id}`,
    text: '',
    is_task: parentId !== null,
    deadline: null,
    deadline_text: null,
    source_start: null,
    source_end: null,
    version: 1,
    leader_id: null,
    ...fields,
  };
}

const target = (
  id: string,
  itemId: string,
  value: number | null,
  lo: number | null = null,
  hi: number | null = null,
) => ({
  id,
  item_id: itemId,
  metric: `指标${id}`,
  value,
  lo,
  hi,
});

function input(parts: Partial<PublishCheckInput> & { items: ItemRow[] }): PublishCheckInput {
  return {
    tree: buildTree(parts.items),
    assignments: parts.assignments ?? [],
    unmatched: parts.unmatched ?? [],
    targets: parts.targets ?? [],
  };
}

describe('publishFindings', () => {
  it('finds nothing on a plan whose tasks have a lead, matched names and complete targets', () => {
    const findings = publishFindings(
      input({
        items: [item('s', null), item('a', 's')],
        assignments: [{ itemId: 'a', unitId: 'u1', role: 'lead' }],
        targets: [target('t1', 'a', 90), target('t2', 'a', null, 1, 2)],
      }),
    );
    expect(findings).toEqual([]);
  });

  it('names a task without any unit, and one with only supporting units as without a lead', () => {
    const findings = publishFindings(
      input({
        items: [item('s', null), item('a', 's', { position: 0 }), item('b', 's', { position: 1 })],
        assignments: [{ itemId: 'b', unitId: 'u1', role: 'support' }],
      }),
    );
    expect(findings.map((f) => f.key)).toEqual(['task_without_unit:a', 'task_without_lead:b']);
  });

  it('counts a unit inherited from the section as the task’s unit (a 责任单位 without 牵头 leads)', () => {
    const findings = publishFindings(
      input({
        items: [item('s', null), item('a', 's')],
        assignments: [{ itemId: 's', unitId: 'u1', role: 'unit' }],
      }),
    );
    expect(findings).toEqual([]);
  });

  it('lists each unmatched name on each item, a target without a value, and an item titled only by its number', () => {
    const findings = publishFindings(
      input({
        items: [item('s', null, { title: '一、', number: '一、' }), item('a', 's')],
        assignments: [{ itemId: 'a', unitId: 'u1', role: 'lead' }],
        unmatched: [
          { itemId: 'a', name: '市医保局', role: 'support' },
          { itemId: 'a', name: '科教科', role: 'lead' },
        ],
        targets: [target('t1', 'a', null, 5, null)],
      }),
    );
    expect(findings.map((f) => [f.kind, f.name ?? f.metric ?? f.itemId])).toEqual([
      ['item_without_title', 's'],
      ['unmatched_unit', '市医保局'],
      ['unmatched_unit', '科教科'],
      ['target_incomplete', '指标t1'],
    ]);
  });
});

describe('applyWaivers', () => {
  const findings = publishFindings(
    input({ items: [item('s', null), item('a', 's', { position: 0 }), item('b', 's', { position: 1 })] }),
  );

  it('leaves open every finding no waiver names, and ignores waivers for what is not found', () => {
    const outcome = applyWaivers(findings, [
      { key: 'task_without_unit:a', reason: '由县区落实' },
      { key: 'task_without_unit:zzz', reason: '无关' },
    ]);
    expect(outcome.open.map((f) => f.key)).toEqual(['task_without_unit:b']);
    expect(outcome.applied).toEqual([
      { key: 'task_without_unit:a', reason: '由县区落实', kind: 'task_without_unit', itemId: 'a' },
    ]);
  });

  it('does not accept a blank reason as a waiver', () => {
    expect(applyWaivers(findings, [{ key: 'task_without_unit:a', reason: '  ' }]).open).toHaveLength(2);
  });
});
