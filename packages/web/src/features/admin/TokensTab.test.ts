// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ApiTokenDto } from '@yaodian/core';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/endpoints.js';
import { uuid } from '../../test/factories.js';
import { TokensTab } from './TokensTab.js';

const SECRET = `ydt.${uuid()}.${uuid()}.${'s'.repeat(43)}`;
const token = (fields: Partial<ApiTokenDto> = {}): ApiTokenDto => ({
  id: uuid(),
  name: '全民健康信息平台',
  scopes: ['values:write'],
  unitId: null,
  expiresAt: '2027-06-10T00:00:00.000Z',
  createdAt: '2026-06-10T00:00:00.000Z',
  revokedAt: null,
  lastUsedAt: null,
  prefix: 'ydt.…ssss',
  ...fields,
});
let existing: ApiTokenDto;

beforeEach(() => {
  existing = token({ lastUsedAt: '2026-06-11T08:30:00.000Z' });
  vi.spyOn(api, 'apiTokens').mockResolvedValue({ tokens: [existing] });
  vi.spyOn(api, 'units').mockResolvedValue([]);
  vi.spyOn(api, 'createApiToken').mockImplementation((input) =>
    Promise.resolve({ token: token({ name: input.body.name }), secret: SECRET }),
  );
  vi.spyOn(api, 'revokeApiToken').mockImplementation((input) =>
    Promise.resolve({ ...existing, id: input.params.id, revokedAt: '2026-06-12T00:00:00.000Z' }),
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function open(): void {
  render(createElement(AntApp, null, createElement(TokensTab)));
}

describe('管理 → 接口令牌', () => {
  it('lists tokens with their last use and no secret', async () => {
    open();
    expect(await screen.findByText('全民健康信息平台')).toBeTruthy();
    expect(screen.getByText('2026-06-11 08:30')).toBeTruthy();
    expect(document.body.textContent).not.toContain('s'.repeat(43));
  });

  it('shows a new token’s secret once, and not after the dialog closes', async () => {
    open();
    fireEvent.change(await screen.findByLabelText('名称'), { target: { value: '区域平台' } });
    fireEvent.click(screen.getByRole('button', { name: /新建令牌/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(SECRET)).toBeTruthy();
    expect(vi.mocked(api.createApiToken).mock.calls[0]?.[0].body).toEqual({
      name: '区域平台',
      scopes: ['values:write'],
      unitId: null,
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /close|关闭/i }));
    await waitFor(() => {
      expect(screen.queryByText(SECRET)).toBeNull();
    });
    expect(screen.getByText('区域平台')).toBeTruthy();
  });

  it('revokes a token after confirmation and shows it revoked', async () => {
    open();
    fireEvent.click(await screen.findByRole('button', { name: /吊\s*销/ }));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => {
      expect(api.revokeApiToken).toHaveBeenCalledWith({ params: { id: existing.id } });
    });
    expect(await screen.findByText('已吊销')).toBeTruthy();
  });
});
