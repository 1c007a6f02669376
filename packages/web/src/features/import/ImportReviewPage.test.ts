// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type PlanDetailDto } from '../../api/endpoints.js';
import { client } from '../../api/http.js';
import { AuthProvider } from '../../auth/auth.js';
import { item, plan, uuid } from '../../test/factories.js';
import { ImportReviewPage } from './ImportReviewPage.js';

const medical = {
  id: uuid(),
  name: '医政医管科',
  kind: 'department' as const,
  aliases: ['医政科'],
  linkedTenantId: null,
};
const text = '加强医疗质量管理。推进分级诊疗制度建设。';
const section = item({ number: '一、', title: '医疗服务', isTask: false, text: '' });
const task = item({
  parentId: section.id,
  number: '1.',
  title: '提升医疗服务',
  text,
  splitOffsets: [9],
  unmatchedUnits: [{ name: '医政科室', role: 'lead' }],
});
// The server's count (2) differs from what the flags alone would give: the page must show the server's.
const draft = plan({
  status: 'draft',
  taskCount: 2,
  items: [section, task],
  unmatchedUnits: [{ name: '医政科室', itemIds: [task.id] }],
});

function open(): void {
  render(
    createElement(
      AntApp,
      null,
      createElement(
        MemoryRouter,
        { initialEntries: [`/import/${draft.id}`] },
        createElement(
          AuthProvider,
          null,
          createElement(
            Routes,
            null,
            createElement(Route, { path: '/import/:planId', element: createElement(ImportReviewPage) }),
          ),
        ),
      ),
    ),
  );
}

beforeEach(() => {
  vi.spyOn(api, 'me').mockResolvedValue({
    id: uuid(),
    tenantId: uuid(),
    tenantName: '市卫生健康委',
    username: 'planner',
    displayName: '规划员',
    role: 'planner',
    unitIds: [],
    unitNames: [],
    passwordChange: null,
    passwordRules: { minLength: 10, minClasses: 3, history: 5 },
  });
  vi.spyOn(api, 'plan').mockResolvedValue(draft);
  vi.spyOn(api, 'units').mockResolvedValue([medical]);
  vi.spyOn(client, 'planText').mockResolvedValue(text);
  vi.spyOn(api, 'publishCheck').mockResolvedValue([]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const header = (items: number, tasks: number): string =>
  `共 ${String(items)} 个条目，其中任务 ${String(tasks)} 项`;

describe('import review', () => {
  it('shows the count of tasks the server gives', async () => {
    open();
    expect(await screen.findByText(new RegExp(header(2, 2)), {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('resolves an unmatched printed name to the suggested unit, and the panel goes', async () => {
    const resolved: PlanDetailDto = {
      ...draft,
      unmatchedUnits: [],
      items: [section, { ...task, unmatchedUnits: [] }],
    };
    const resolve = vi.spyOn(api, 'resolveUnmatched').mockResolvedValue(resolved);
    open();
    const panel = await screen.findByTestId('unmatched-panel', {}, { timeout: 10_000 });
    expect(within(panel).getByText('医政科室')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => {
      expect(resolve).toHaveBeenCalledTimes(1);
    });
    expect(resolve.mock.calls[0]?.slice(1)).toEqual(['医政科室', medical.id]);
    await waitFor(() => {
      expect(screen.queryByTestId('unmatched-panel')).toBeNull();
    });
  });

  it('splits the selected item at the offered sentence end and shows the new counts', async () => {
    const first = { ...task, text: text.slice(0, 9), splitOffsets: [] };
    const second = item({
      parentId: section.id,
      position: 1,
      number: '2.',
      title: '推进分级诊疗',
      text: text.slice(9),
    });
    const split = vi
      .spyOn(api, 'splitItem')
      .mockResolvedValue({ ...draft, taskCount: 3, items: [section, first, second] });
    open();
    fireEvent.click(
      await screen.findByText(
        /提升医疗服务/,
        { selector: '.ant-tree-title *, .ant-tree-title' },
        { timeout: 10_000 },
      ),
    );
    const editor = await screen.findByTestId('item-editor');
    fireEvent.mouseDown(within(editor).getByRole('combobox', { name: /拆分位置/ }));
    fireEvent.click(await screen.findByText(/加强医疗质量管理。 ‖ 推进分级诊疗/));
    fireEvent.click(within(editor).getByRole('button', { name: /拆\s*分/ }));
    await waitFor(() => {
      expect(split).toHaveBeenCalledTimes(1);
    });
    expect(split.mock.calls[0]?.[0]).toBe(draft.id);
    expect(split.mock.calls[0]?.[2]).toBe(9);
    expect(await screen.findByText(new RegExp(header(3, 3)))).toBeTruthy();
  });
});
