// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type MeDto } from '../../api/endpoints.js';
import { AuthProvider, useAuth } from '../../auth/auth.js';
import { uuid } from '../../test/factories.js';
import { WorkbenchPage } from './WorkbenchPage.js';

const me = (role: MeDto['role']): MeDto => ({
  id: uuid(),
  tenantId: uuid(),
  tenantName: '市卫生健康委',
  username: role,
  displayName: '张三',
  role,
  unitIds: [uuid()],
  unitNames: ['医政医管科'],
  passwordChange: null,
  passwordRules: { minLength: 10, minClasses: 3, history: 5 },
});

beforeEach(() => {
  vi.spyOn(api, 'plans').mockResolvedValue([]);
  vi.spyOn(api, 'health').mockRejectedValue(new Error('offline'));
  vi.spyOn(api, 'reports').mockResolvedValue([]);
  vi.spyOn(api, 'taskOverview').mockResolvedValue({ tasks: 42, lagging: 3 });
  vi.spyOn(api, 'myOwed').mockResolvedValue({
    rows: [],
    counts: { rows: 9, owed: 5, submitted: 2, returned: 1 },
    returned: [],
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The page once the signed-in user has loaded, as the app's layout renders it. */
function SignedIn() {
  const { user } = useAuth();
  return user ? createElement(WorkbenchPage) : null;
}

const renderPage = () =>
  render(
    createElement(
      AntApp,
      null,
      createElement(MemoryRouter, null, createElement(AuthProvider, null, createElement(SignedIn))),
    ),
  );
const cardValue = (testId: string): string =>
  screen.getByTestId(testId).querySelector('.ant-statistic-content-value')?.textContent ?? '';

describe('workbench', () => {
  it('shows a reporter the server’s owed count and the lagging count of the reporter’s units’ tasks', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('reporter'));
    renderPage();
    await waitFor(
      () => {
        expect([cardValue('card-my-due'), cardValue('card-lagging')]).toEqual(['5', '3']);
      },
      { timeout: 10_000 },
    );
    expect(api.taskOverview).toHaveBeenCalledWith(true);
  });

  it('shows a planner every task and the lagging ones as the server counts them', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    renderPage();
    await waitFor(
      () => {
        expect([cardValue('card-my-due'), cardValue('card-lagging')]).toEqual(['42', '3']);
      },
      { timeout: 10_000 },
    );
    expect(api.taskOverview).toHaveBeenCalledWith(false);
    expect(api.myOwed).not.toHaveBeenCalled();
  });
});
