// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import type { PublicPlan } from '@yaodian/core';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PublicPlanView } from './PublicPlanPage.js';

afterEach(() => {
  cleanup();
});

const plan: PublicPlan = {
  title: '2026年全市卫生健康工作要点',
  year: 2026,
  commission: '临江市卫生健康委员会',
  publishedAt: '2026-02-20T00:00:00.000Z',
  sections: [
    {
      number: '一',
      title: '深化医药卫生体制改革',
      tasks: [
        {
          number: '（一）',
          title: '推进紧密型县域医共体建设',
          status: 'on_track',
          units: ['医政医管科', '规划信息科'],
          targets: [
            {
              metric: '县域内就诊率',
              text: '',
              unit: '%',
              op: '>=',
              value: 90,
              lo: null,
              hi: null,
              latest: 81.5,
              latestPeriod: '2026年1月',
            },
            {
              metric: '签约率',
              text: '',
              unit: '%',
              op: '>=',
              value: 75,
              lo: null,
              hi: null,
              latest: null,
              latestPeriod: null,
            },
          ],
        },
      ],
    },
  ],
};

describe('the public page', () => {
  it('shows sections, tasks, status, units and the latest accepted value (or none yet)', () => {
    render(createElement(PublicPlanView, { plan }));
    expect(screen.getByText('一 深化医药卫生体制改革')).toBeTruthy();
    expect(screen.getByText('正常推进')).toBeTruthy();
    expect(screen.getByText('责任单位：医政医管科、规划信息科')).toBeTruthy();
    expect(screen.getByText('县域内就诊率 ≥ 90% · 最新采纳值：81.5%（2026年1月）')).toBeTruthy();
    expect(screen.getByText('签约率 ≥ 75% · 最新采纳值：暂无')).toBeTruthy();
  });
});
