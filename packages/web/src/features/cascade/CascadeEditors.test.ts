// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error.js';
import { api } from '../../api/endpoints.js';
import { AuthProvider } from '../../auth/auth.js';
import { uuid } from '../../test/factories.js';
import { CascadeCard } from './CascadeCard.js';
import { countyA, countyB, me, rollup, targetQuotas, weights } from './cascade-fixtures.js';

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

async function openSplit(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: /分解“新增托位”到区县/ }, { timeout: 10_000 }));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByLabelText(`${countyA.name}分解数`);
  return dialog;
}

function type(dialog: HTMLElement, label: string, value: string): void {
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('分解 a city target among counties', () => {
  it('shows the sum and its difference from the city target as quotas are typed, and sends the typed quotas', async () => {
    const data = rollup(planId);
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    const reload = vi.spyOn(api, 'cascadeRollup').mockResolvedValue(data);
    vi.spyOn(api, 'targetQuotas').mockResolvedValue(targetQuotas(data));
    vi.spyOn(api, 'tenantWeights').mockResolvedValue(weights());
    const put = vi.spyOn(api, 'putTargetQuotas').mockResolvedValue(targetQuotas(data));
    show();
    const dialog = await openSplit();
    expect(await within(dialog).findByText('合计 600个，与全市目标一致')).toBeTruthy();
    type(dialog, `${countyA.name}分解数`, '250');
    expect(await within(dialog).findByText('合计 550个，与全市目标相差 -50个')).toBeTruthy();
    type(dialog, `${countyB.name}分解数`, '350');
    expect(await within(dialog).findByText('合计 600个，与全市目标一致')).toBeTruthy();
    const loads = reload.mock.calls.length;
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => {
      expect(put).toHaveBeenCalledWith({
        params: { planId, targetId: data.targets[0]?.targetId },
        body: {
          split: {
            by: 'hand',
            quotas: [
              { tenantId: countyA.tenantId, value: 250 },
              { tenantId: countyB.tenantId, value: 350 },
            ],
          },
        },
      });
    });
    // The card shows the saved quotas: it asks the server again.
    await waitFor(() => {
      expect(reload.mock.calls.length).toBeGreaterThan(loads);
    });
  });

  it('asks the server to split by the chosen weight rather than sending figures', async () => {
    const data = rollup(planId);
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    vi.spyOn(api, 'cascadeRollup').mockResolvedValue(data);
    vi.spyOn(api, 'targetQuotas').mockResolvedValue(targetQuotas(data));
    vi.spyOn(api, 'tenantWeights').mockResolvedValue(weights());
    const put = vi.spyOn(api, 'putTargetQuotas').mockResolvedValue(targetQuotas(data));
    show();
    const dialog = await openSplit();
    fireEvent.click(within(dialog).getByLabelText('按权重分解'));
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: '权重名称' }));
    fireEvent.click(await screen.findByTitle('常住人口'));
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => {
      expect(put).toHaveBeenCalledWith({
        params: { planId, targetId: data.targets[0]?.targetId },
        body: { split: { by: 'weights', weight: '常住人口' } },
      });
    });
  });

  it('shows the server’s refusal with the difference it measured, and keeps the modal open', async () => {
    const data = rollup(planId);
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    vi.spyOn(api, 'cascadeRollup').mockResolvedValue(data);
    vi.spyOn(api, 'targetQuotas').mockResolvedValue(targetQuotas(data));
    vi.spyOn(api, 'tenantWeights').mockResolvedValue(weights());
    vi.spyOn(api, 'putTargetQuotas').mockRejectedValue(
      new ApiError(400, 'validation_failed', '各区县分解数合计550个…', 'split.quotas', {
        sum: 550,
        cityValue: 600,
        difference: -50,
      }),
    );
    show();
    const dialog = await openSplit();
    type(dialog, `${countyA.name}分解数`, '250');
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(
      await within(dialog).findByText('提交的内容有误，请检查后重试（字段：分解数）（相差 -50个）'),
    ).toBeTruthy();
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('offers no 分解 to a leader, who only reads the roll-up', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('leader'));
    vi.spyOn(api, 'cascadeRollup').mockResolvedValue(rollup(planId));
    show();
    expect(await screen.findByText('新增托位', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /分解“新增托位”到区县/ })).toBeNull();
  });
});

describe('权重数据 per county', () => {
  it('shows the stored weight and sends what was typed under the name', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    vi.spyOn(api, 'cascadeRollup').mockResolvedValue(rollup(planId));
    vi.spyOn(api, 'tenantWeights').mockResolvedValue(weights());
    const put = vi.spyOn(api, 'putTenantWeights').mockResolvedValue(weights());
    show();
    fireEvent.click(await screen.findByRole('button', { name: '权重数据' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    const a = await within(dialog).findByLabelText<HTMLInputElement>(`${countyA.name}权重`);
    await waitFor(() => {
      expect(a.value).toBe('52.3');
    });
    fireEvent.change(a, { target: { value: '53.1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => {
      expect(put).toHaveBeenCalledWith({
        body: {
          name: '常住人口',
          values: [
            { tenantId: countyA.tenantId, value: 53.1 },
            { tenantId: countyB.tenantId, value: 31.7 },
          ],
        },
      });
    });
  });

  it('starts a new weight name empty and shows the server’s refusal', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(me('planner'));
    vi.spyOn(api, 'cascadeRollup').mockResolvedValue(rollup(planId));
    vi.spyOn(api, 'tenantWeights').mockResolvedValue(weights());
    const put = vi
      .spyOn(api, 'putTenantWeights')
      .mockRejectedValue(
        new ApiError(400, 'validation_failed', '所选机构不是本机构的直接下级机构', 'values'),
      );
    show();
    fireEvent.click(await screen.findByRole('button', { name: '权重数据' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    const name = await within(dialog).findByRole<HTMLInputElement>('combobox', { name: '权重名称' });
    await waitFor(() => {
      expect(name.value).toBe('常住人口');
    });
    fireEvent.change(name, { target: { value: '户籍人口' } });
    const b = within(dialog).getByLabelText<HTMLInputElement>(`${countyB.name}权重`);
    await waitFor(() => {
      expect(b.value).toBe('');
    });
    fireEvent.change(b, { target: { value: '40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => {
      expect(put).toHaveBeenCalledWith({
        body: { name: '户籍人口', values: [{ tenantId: countyB.tenantId, value: 40 }] },
      });
    });
    expect(await within(dialog).findByText('提交的内容有误，请检查后重试（字段：数值）')).toBeTruthy();
  });
});
