// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type PlanSummaryReportDto } from '../../api/endpoints.js';
import { AuthProvider } from '../../auth/auth.js';
import { plan, task, uuid } from '../../test/factories.js';
import { PlanViewPage } from './PlanViewPage.js';

const thePlan = plan();
const summary: PlanSummaryReportDto = {
  planId: thePlan.id,
  overall: { tasks: 12, done: 1, completion: 8, averagePercent: 40, lagging: 6 },
  statusCounts: { done: 1, overdue: 2, behind: 4, at_risk: 0, on_track: 5, not_started: 0 },
  reports: { accepted: 9, pending: 1, returned: 0 },
  bySection: [],
  byUnit: [],
  byUnitStatus: [],
  risks: [],
};

beforeEach(() => {
  vi.spyOn(api, 'me').mockResolvedValue({
    id: uuid(),
    tenantId: uuid(),
    tenantName: '市卫生健康委',
    username: 'leader',
    displayName: '委领导',
    role: 'leader',
    unitIds: [],
    unitNames: [],
    passwordChange: null,
    passwordRules: { minLength: 10, minClasses: 3, history: 5 },
  });
  vi.spyOn(api, 'plan').mockResolvedValue(thePlan);
  vi.spyOn(api, 'units').mockResolvedValue([]);
  vi.spyOn(api, 'periods').mockResolvedValue([]);
  vi.spyOn(api, 'planSummary').mockResolvedValue(summary);
  // Only one task comes back under a filter; the chips still count the plan as the server does.
  vi.spyOn(api, 'tasks').mockResolvedValue([
    task({ planId: thePlan.id, status: 'behind', title: '推进改革' }),
  ]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('plan view', () => {
  it('labels the status chips with the server’s counts for the plan, not a count of the loaded list', async () => {
    render(
      createElement(
        AntApp,
        null,
        createElement(
          MemoryRouter,
          { initialEntries: [`/plans/${thePlan.id}`] },
          createElement(
            AuthProvider,
            null,
            createElement(
              Routes,
              null,
              createElement(Route, { path: '/plans/:planId', element: createElement(PlanViewPage) }),
            ),
          ),
        ),
      ),
    );
    const behind = await screen.findByRole('button', { name: /滞后 4/ }, { timeout: 10_000 });
    expect(screen.getByRole('button', { name: /正常推进 5/ })).toBeTruthy();
    fireEvent.click(behind);
    await waitFor(() => {
      expect(api.tasks).toHaveBeenLastCalledWith({ planId: thePlan.id, status: 'behind' });
    });
    expect(screen.getByRole('button', { name: /滞后 4/ })).toBeTruthy();
  });
});
