// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type MeDto } from '../../api/endpoints.js';
import { AuthProvider, useAuth } from '../../auth/auth.js';
import { uuid } from '../../test/factories.js';
import { AdminPage } from './AdminPage.js';

const me = (role: MeDto['role']): MeDto => ({
  id: uuid(),
  tenantId: uuid(),
  tenantName: '市卫生健康委',
  username: role,
  displayName: '李四',
  role,
  unitIds: [],
  unitNames: [],
  passwordChange: null,
  passwordRules: { minLength: 10, minClasses: 3, history: 5 },
});

let users: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  users = vi.spyOn(api, 'users').mockResolvedValue([]);
  vi.spyOn(api, 'units').mockResolvedValue([]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function SignedIn() {
  const { user } = useAuth();
  return user ? createElement(AdminPage) : null;
}

const renderAs = (role: MeDto['role']) => {
  vi.spyOn(api, 'me').mockResolvedValue(me(role));
  return render(
    createElement(
      AntApp,
      null,
      createElement(MemoryRouter, null, createElement(AuthProvider, null, createElement(SignedIn))),
    ),
  );
};

const tabNames = (): string[] => screen.getAllByRole('tab').map((tab) => tab.textContent);

describe('admin page', () => {
  it('offers a planner the periods and calendar but no users tab, and never asks the server for users', async () => {
    renderAs('planner');
    await screen.findByRole('tab', { name: '填报期' }, { timeout: 10_000 });
    expect(tabNames()).not.toContain('用户');
    expect(tabNames()).toContain('工作日历');
    expect(users).not.toHaveBeenCalled();
  });

  it('opens on the users tab for the system administrator', async () => {
    renderAs('admin');
    await screen.findByRole('tab', { name: '用户' }, { timeout: 10_000 });
    expect(tabNames()[0]).toBe('用户');
    expect(users).toHaveBeenCalled();
  });
});
