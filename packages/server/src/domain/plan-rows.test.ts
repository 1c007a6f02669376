import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planFixture } from '../testing/plan-fixture.js';
import { inferDirection, planToRows, validDate } from './plan-rows.js';

describe('planToRows', () => {
  const rows = planToRows(planFixture(), { tenantId: 't', planId: 'p', newId: randomUUID }, (name) =>
    name === '医政科' ? ['u-med'] : name === '各县（市、区）卫生健康局' ? ['c1', 'c2'] : null,
  );

  it('flattens the tree in pre-order with positions under each parent and levels from depth', () => {
    expect(rows.items.map((i) => [i.title, i.level, i.position])).toEqual([
      ['深化医药卫生体制改革', 1, 0],
      ['推进紧密型县域医共体建设', 2, 0],
      ['完善分级诊疗制度', 2, 1],
      ['扩大家庭医生签约服务覆盖面', 3, 0],
      ['规范双向转诊流程', 3, 1],
      ['提升公共卫生服务能力', 1, 1],
      ['强化妇幼健康服务', 2, 0],
      ['推进医保支付方式改革', 2, 1],
    ]);
    const parent = rows.items[2];
    expect(rows.items[3]?.parent_id).toBe(parent?.id);
  });

  it('keeps the role of each matched unit and lists the names it could not match', () => {
    const medical = rows.items.find((i) => i.title === '推进医保支付方式改革');
    expect(rows.assignments.filter((a) => a.itemId === medical?.id)).toEqual([
      { itemId: medical?.id, unitId: 'u-med', role: 'lead' },
    ]);
    expect(rows.unmatched.filter((u) => u.itemId === medical?.id)).toEqual([
      { itemId: medical?.id, name: '市医保局', role: 'support' },
    ]);
    const maternal = rows.items.find((i) => i.title === '强化妇幼健康服务');
    expect(rows.assignments.filter((a) => a.itemId === maternal?.id).map((a) => [a.unitId, a.role])).toEqual([
      ['c1', 'support'],
      ['c2', 'support'],
    ]);
  });

  it('drops a deadline the calendar does not have instead of failing the import', () => {
    expect(validDate('2026-02-30')).toBeNull();
    expect(validDate('2026-06-30')).toBe('2026-06-30');
    expect(validDate('年底前')).toBeNull();
  });

  it('infers lower-is-better from a ceiling or a fall, higher otherwise', () => {
    expect(inferDirection('<=', '控制在10/10万以下')).toBe('lower');
    expect(inferDirection('>=', '下降到5%')).toBe('lower');
    expect(inferDirection('>=', '达到90%以上')).toBe('higher');
  });
});

describe('the task flag decided at import', () => {
  const ids = { tenantId: 't', planId: 'p', newId: randomUUID };
  const flags = (plan: ReturnType<typeof planFixture>) =>
    planToRows(plan, ids, () => null).items.map((i) => [i.title, i.is_task]);

  it('marks leaves as tasks, and a parent whose children carry clauses of their own as a section', () => {
    expect(flags(planFixture())).toEqual([
      ['深化医药卫生体制改革', false],
      ['推进紧密型县域医共体建设', true],
      ['完善分级诊疗制度', false],
      ['扩大家庭医生签约服务覆盖面', true],
      ['规范双向转诊流程', true],
      ['提升公共卫生服务能力', false],
      ['强化妇幼健康服务', true],
      ['推进医保支付方式改革', true],
    ]);
  });

  it('marks an item with its own clause whose children have none as the task, its children as steps', () => {
    const plan = planFixture();
    const section = plan.items[0]?.children[1];
    if (!section) throw new Error('fixture changed');
    section.lead = ['医政科'];
    section.units = ['医政科'];
    expect(flags(plan).slice(2, 5)).toEqual([
      ['完善分级诊疗制度', true],
      ['扩大家庭医生签约服务覆盖面', false],
      ['规范双向转诊流程', false],
    ]);
  });
});
