// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/endpoints.js';
import { AuthProvider } from '../../auth/auth.js';
import { uuid } from '../../test/factories.js';
import { CascadeCard } from './CascadeCard.js';
import { countyA, countyB, me, rollup } from './cascade-fixtures.js';

const planId = uuid();

function show(): void {
  render(
    createElement(
      AntApp,
      null,
      createElement(
        MemoryRouter,
        null,
        createElement(AuthProvider, null, createElement(CascadeCard, { planId })),
      ),
    ),
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('区县汇总 on the plan page', () => {
  it('shows each target’s rolled-up figure with its method, and a returned county report as returned, not counted', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('leader'));
    vi.spyOn(api, 'cascadeRollup').mockResolvedValue(rollup(planId));
    show();
    // The city's figure and county A's accepted value (the only one counted).
    expect(await screen.findAllByText('310个', {}, { timeout: 10_000 })).toHaveLength(2);
    expect(screen.getByText('分解数 300个', { exact: false })).toBeTruthy();
    expect(screen.getByText('求和')).toBeTruthy();
    expect(screen.getByText('1/2个区县已审核')).toBeTruthy();
    expect(screen.getByText('已退回')).toBeTruthy();
    expect(screen.getAllByText(countyB.name).length).toBeGreaterThan(0);
    // A leader reads the roll-up; pushing tasks down is the plan editors'.
    expect(screen.queryByRole('button', { name: '下发区县' })).toBeNull();
  });

  it('previews the tasks and counties, and pushes on confirmation', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    vi.spyOn(api, 'cascadeRollup').mockResolvedValue(rollup(planId));
    vi.spyOn(api, 'cascadePreview').mockResolvedValue({
      planId,
      counties: [countyA, countyB],
      tasks: [
        {
          itemId: uuid(),
          number: '（一）',
          title: '发展普惠托育服务',
          via: 'collective',
          targets: 1,
          counties: [
            { ...countyA, pushed: true },
            { ...countyB, pushed: false },
          ],
        },
      ],
    });
    const push = vi.spyOn(api, 'pushCascade').mockResolvedValue({
      counties: [{ ...countyB, planId: uuid(), created: 1, existing: 0 }],
    });
    show();
    fireEvent.click(await screen.findByRole('button', { name: '下发区县' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(`${countyA.name}（已下发）`)).toBeTruthy();
    expect(within(dialog).getByText('各县市区')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /确认下发/ }));
    await waitFor(() => {
      expect(push).toHaveBeenCalledWith({ params: { planId }, body: {} });
    });
  });

  it('shows nothing for a commission without counties below it', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    const load = vi.spyOn(api, 'cascadeRollup').mockResolvedValue({ ...rollup(planId), counties: [] });
    show();
    await waitFor(() => {
      expect(load).toHaveBeenCalled();
    });
    expect(screen.queryByText('区县汇总')).toBeNull();
  });
});
