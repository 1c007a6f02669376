import type { CascadeInbox, CascadeRollup, Me, TargetQuotas, TenantWeights } from '@yaodian/core';
import { uuid } from '../../test/factories.js';

export const countyA = { tenantId: uuid(), name: '临水县卫生健康局' };
export const countyB = { tenantId: uuid(), name: '云溪区卫生健康局' };

export function me(role: Me['role']): Me {
  return {
    id: uuid(),
    tenantId: uuid(),
    tenantName: '临江市卫生健康委员会',
    username: role,
    displayName: role,
    role,
    unitIds: [],
    unitNames: [],
    passwordChange: null,
    passwordRules: { minLength: 10, minClasses: 3, history: 5 },
  };
}

export function rollup(planId: string): CascadeRollup {
  const itemId = uuid();
  return {
    planId,
    counties: [countyA, countyB],
    tasks: [
      {
        itemId,
        number: '（一）',
        title: '发展普惠托育服务',
        cells: [
          { tenantId: countyA.tenantId, itemId: uuid(), percent: 60, latestState: 'accepted' },
          { tenantId: countyB.tenantId, itemId: uuid(), percent: null, latestState: 'returned' },
        ],
      },
    ],
    targets: [
      {
        targetId: uuid(),
        itemId,
        metric: '新增托位',
        unit: '个',
        op: '>=',
        cityValue: 600,
        method: 'sum',
        weight: null,
        rolledUp: 310,
        counted: 1,
        cells: [
          { tenantId: countyA.tenantId, quota: 300, value: 310, latestState: 'accepted', met: true },
          { tenantId: countyB.tenantId, quota: 300, value: null, latestState: 'returned', met: null },
        ],
      },
    ],
    ranking: [
      { ...countyA, rank: 1, met: 1, measured: 1, total: 1, meanPercent: 60 },
      { ...countyB, rank: 2, met: 0, measured: 0, total: 1, meanPercent: null },
    ],
  };
}

export function inbox(withProposal: boolean): CascadeInbox {
  const asked = {
    title: '推进县级中医医院提标',
    text: '推进县级中医医院提标。',
    deadline: '2026-12-31',
    deadlineText: '年底前',
    targets: [
      {
        cityTarget: uuid(),
        metric: '二甲达标比例',
        op: '>=',
        value: 100,
        lo: null,
        hi: null,
        unit: '%',
        deadline: null,
        deadlineText: null,
        text: '全部达到二级甲等水平',
      },
    ],
  };
  return {
    entries: [
      {
        itemId: uuid(),
        planId: uuid(),
        number: '（二）',
        city: '临江市卫生健康委员会',
        origin: 'pushed',
        asked,
        proposal: withProposal
          ? {
              fingerprint: 'a'.repeat(32),
              changes: [
                { field: 'title', before: '推进县级中医医院提标', after: '推进县级中医医院提标达标' },
                { field: 'target.value', target: '二甲达标比例', before: 100, after: 90 },
              ],
              ask: { ...asked, title: '推进县级中医医院提标达标' },
            }
          : null,
      },
    ],
  };
}

/** The quotas of the roll-up's one target, as the server answers them. */
export function targetQuotas(of: CascadeRollup): TargetQuotas {
  const target = of.targets[0];
  if (!target) throw new Error('the roll-up has no target');
  return {
    targetId: target.targetId,
    metric: target.metric,
    unit: target.unit,
    cityValue: target.cityValue,
    method: target.method,
    methodChosen: false,
    weight: null,
    counties: [
      { ...countyA, quota: 300 },
      { ...countyB, quota: 300 },
    ],
    difference: 0,
  };
}

export function weights(): TenantWeights {
  return {
    counties: [countyA, countyB],
    weights: [
      { name: '常住人口', tenantId: countyA.tenantId, value: 52.3 },
      { name: '常住人口', tenantId: countyB.tenantId, value: 31.7 },
    ],
  };
}
