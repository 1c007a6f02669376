// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type MyOwedDto, type OwedRowDto } from '../../api/endpoints.js';
import { uuid } from '../../test/factories.js';
import { MyTasksPage } from './MyTasksPage.js';

const plan = { id: uuid(), year: 2026, title: '全市卫生健康工作要点' };
const period = {
  id: uuid(),
  label: '2026年5月',
  startsOn: '2026-05-01',
  endsOn: '2026-05-31',
  dueOn: '2026-05-25',
};
const unit = { id: uuid(), name: '医政医管科' };

function row(title: string, owed: boolean, report: OwedRowDto['report']): OwedRowDto {
  return {
    task: {
      id: uuid(),
      planId: plan.id,
      number: '1.',
      title,
      deadline: null,
      deadlineText: null,
      status: owed ? 'on_track' : 'done',
      percent: 40,
    },
    plan,
    unit,
    period,
    report,
    owed,
  };
}

const answer: MyOwedDto = {
  rows: [
    row('推进医共体建设', true, null),
    row('完善分级诊疗', true, { id: uuid(), state: 'draft', returnReason: null }),
    row('强化妇幼服务', false, { id: uuid(), state: 'submitted', returnReason: null }),
    // A finished task the unit did not report on this period: shown, owed nothing.
    row('推进医保支付改革', false, null),
  ],
  // Deliberately not what the rows would add up to: the page shows the server's figures, it counts nothing.
  counts: { rows: 4, owed: 7, submitted: 1, returned: 0 },
  returned: [
    {
      reportId: uuid(),
      taskNumber: '（二）',
      taskTitle: '规范双向转诊',
      periodLabel: '2026年4月',
      unitName: '医政医管科',
      returnReason: '请补充佐证材料',
    },
  ],
};

beforeEach(() => {
  vi.spyOn(api, 'myOwed').mockResolvedValue(answer);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const renderPage = () =>
  render(createElement(AntApp, null, createElement(MemoryRouter, null, createElement(MyTasksPage))));

describe('my tasks', () => {
  it('shows the server’s owed rows and counts, offering to fill in only the owed rows', async () => {
    renderPage();
    const counts = await screen.findByTestId('my-work-counts', {}, { timeout: 10_000 });
    expect(counts.textContent).toBe('本期待填报 7 项 · 共 4 项');
    expect(screen.getByText(/当前填报期: 2026年5月/)).toBeTruthy();
    const buttons = screen
      .getAllByRole('button')
      .map((b) => b.textContent.replace(/\s/g, ''))
      .filter((text) => ['填报', '继续填报', '查看'].includes(text));
    expect(buttons).toEqual(['填报', '继续填报', '查看']);
    expect(screen.getByText('1. 推进医保支付改革')).toBeTruthy();
  });

  it('lists the returned reports the server names, with their reason', async () => {
    renderPage();
    await screen.findByText('（二） 规范双向转诊 · 2026年4月 · 医政医管科', {}, { timeout: 10_000 });
    expect(screen.getByText('退回原因: 请补充佐证材料')).toBeTruthy();
    expect(api.myOwed).toHaveBeenCalledTimes(1);
  });
});
