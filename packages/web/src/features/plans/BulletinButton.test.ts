// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type PeriodDto } from '../../api/endpoints.js';
import { uuid } from '../../test/factories.js';
import { BulletinButton } from './BulletinButton.js';

const planId = uuid();
const period = (label: string, dueOn: string): PeriodDto => ({
  id: uuid(),
  planId,
  kind: 'monthly',
  label,
  startsOn: dueOn.slice(0, 8) + '01',
  endsOn: dueOn.slice(0, 8) + '28',
  dueOn,
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('生成通报 button', () => {
  it('offers the latest period already due and downloads its bulletin with the number typed in', async () => {
    const download = vi.spyOn(api, 'downloadBulletin').mockResolvedValue(undefined);
    const due = period('2000年2月', '2000-02-25');
    const periods = [period('2000年1月', '2000-01-25'), due, period('2999年3月', '2999-03-25')];
    render(createElement(AntApp, null, createElement(BulletinButton, { planId, periods })));
    fireEvent.click(screen.getByRole('button', { name: /生成通报/ }));
    expect(await screen.findByText('2000年2月')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('发文字号（可选）'), { target: { value: '临卫督〔2026〕3号' } });
    fireEvent.click(screen.getByRole('button', { name: /生成并下载/ }));
    await waitFor(() => {
      expect(download).toHaveBeenCalledWith(planId, due.id, '临卫督〔2026〕3号', '通报.docx');
    });
  });
});
