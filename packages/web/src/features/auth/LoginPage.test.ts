// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubServer(login: { status: number; body: unknown }): void {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (url.startsWith('/api/auth/login'))
        return Promise.resolve(new Response(JSON.stringify(login.body), { status: login.status }));
      return Promise.resolve(
        new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'x' } }), { status: 401 }),
      );
    }),
  );
}

describe('sign-in page', () => {
  it('opens in Chinese and says so plainly when the password is wrong', async () => {
    stubServer({ status: 401, body: { error: { code: 'invalid_credentials', message: 'bad' } } });
    window.history.pushState({}, '', '/plans');
    render(createElement(App));
    const user = await screen.findByLabelText('用户名', {}, { timeout: 10_000 });
    expect(window.location.pathname).toBe('/login');
    expect(window.location.search).toContain(encodeURIComponent('/plans'));
    fireEvent.change(user, { target: { value: 'planner' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('用户名或密码错误', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
