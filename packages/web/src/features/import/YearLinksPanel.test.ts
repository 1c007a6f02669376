// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { YearLinkDto, YearLinkList } from '@yaodian/core';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/endpoints.js';
import { uuid } from '../../test/factories.js';
import { YearLinksPanel } from './YearLinksPanel.js';

const planId = uuid();
const previousPlan = { id: uuid(), title: '2025年全县卫生健康工作要点', year: 2025 };

function link(previous: string, current: string, over: Partial<YearLinkDto> = {}): YearLinkDto {
  return {
    id: uuid(),
    status: 'proposed',
    origin: 'matched',
    score: 0.84,
    reasons: ['metric_same', 'title_similar'],
    previous: { itemId: uuid(), number: '1.', title: previous, leadUnits: ['医政医管科'] },
    current: { itemId: uuid(), number: '1.', title: current, leadUnits: ['医政医管科'] },
    targets: [],
    version: 1,
    ...over,
  };
}

const medical = link('推进紧密型县域医共体建设', '全面推进县域医共体紧密型建设');
const salary = link('深化公立医院薪酬制度改革', '健全公立医院薪酬分配制度', {
  score: 0.57,
  reasons: ['lead_same'],
});
const list: YearLinkList = {
  planId,
  previousPlan,
  links: [medical, salary],
  unfinished: [
    { itemId: uuid(), number: '36.', title: '规范无偿献血工作', status: 'behind', leadUnits: ['医政医管科'] },
  ],
  candidates: [previousPlan],
};

beforeEach(() => {
  vi.spyOn(api, 'yearLinks').mockResolvedValue(list);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function open(): void {
  render(
    createElement(
      AntApp,
      null,
      createElement(YearLinksPanel, { planId, editable: true, draft: true, onPlanChanged: () => undefined }),
    ),
  );
}

describe('与上年对照', () => {
  it('shows each proposed link side by side with its score and reasons', async () => {
    open();
    expect(await screen.findByText('1. 全面推进县域医共体紧密型建设')).toBeTruthy();
    expect(screen.getByText('1. 推进紧密型县域医共体建设')).toBeTruthy();
    expect(screen.getByText('84%')).toBeTruthy();
    expect(screen.getByText('同一指标')).toBeTruthy();
    expect(screen.getByText('牵头单位相同')).toBeTruthy();
  });

  it('confirms every proposed link at the versions read with 全部确认', async () => {
    const decide = vi.spyOn(api, 'decideYearLinks').mockResolvedValue({
      ...list,
      links: list.links.map((l) => ({ ...l, status: 'confirmed', version: 2 })),
    });
    open();
    await screen.findByText('1. 全面推进县域医共体紧密型建设');
    fireEvent.click(screen.getByRole('button', { name: /全部确认/ }));
    await waitFor(() => {
      expect(decide).toHaveBeenCalledWith({
        params: { planId },
        body: {
          decisions: [
            { id: medical.id, version: 1, status: 'confirmed' },
            { id: salary.id, version: 1, status: 'confirmed' },
          ],
        },
      });
    });
  });

  it('carries only the chosen unfinished task forward', async () => {
    const carry = vi.spyOn(api, 'carryForward').mockResolvedValue({ ...list, unfinished: [], carried: 1 });
    open();
    await screen.findByText('36. 规范无偿献血工作');
    const boxes = screen.getAllByRole('checkbox');
    const row = boxes.at(-1);
    if (!row) throw new Error('no checkbox');
    fireEvent.click(row);
    fireEvent.click(screen.getByRole('button', { name: /结转选中的 1 项任务/ }));
    await waitFor(() => {
      expect(carry).toHaveBeenCalledWith({
        params: { planId },
        body: { previousPlanId: previousPlan.id, itemIds: [list.unfinished[0]?.itemId] },
      });
    });
  });
});
