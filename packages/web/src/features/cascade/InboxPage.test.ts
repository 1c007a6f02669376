// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/endpoints.js';
import { AuthProvider } from '../../auth/auth.js';
import { InboxPage } from './InboxPage.js';
import { inbox, me } from './cascade-fixtures.js';

function show(): void {
  render(
    createElement(
      AntApp,
      null,
      createElement(MemoryRouter, null, createElement(AuthProvider, null, createElement(InboxPage))),
    ),
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('上级交办', () => {
  it('lists what the city asked, words each proposed change, and accepts it with the fingerprint the county saw', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    const pending = inbox(true);
    vi.spyOn(api, 'cascadeInbox').mockResolvedValue(pending);
    const accept = vi.spyOn(api, 'acceptCascadeChange').mockResolvedValue(inbox(false));
    show();
    expect(
      await screen.findByText(
        '任务名称：推进县级中医医院提标 → 推进县级中医医院提标达标',
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('目标值（二甲达标比例）：100 → 90')).toBeTruthy();
    expect(screen.getByText('二甲达标比例 100%')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '接受变更' }));
    const entry = pending.entries[0];
    await waitFor(() => {
      expect(accept).toHaveBeenCalledWith({
        params: { itemId: entry?.itemId },
        body: { fingerprint: entry?.proposal?.fingerprint },
      });
    });
    expect(await screen.findByText('与上级一致')).toBeTruthy();
  });

  it('shows a viewer the proposal without the accept button', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('viewer'));
    vi.spyOn(api, 'cascadeInbox').mockResolvedValue(inbox(true));
    show();
    expect(await screen.findByText('上级已修改', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '接受变更' })).toBeNull();
  });
});
