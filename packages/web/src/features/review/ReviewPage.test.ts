// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type ReportDto } from '../../api/endpoints.js';
import { item, period, plan, report, target, task, uuid } from '../../test/factories.js';
import { ReviewPage } from './ReviewPage.js';

const unit = {
  id: uuid(),
  name: '医政医管科',
  kind: 'department' as const,
  aliases: [],
  linkedTenantId: null,
};
const coverage = target({ metric: '家庭医生签约覆盖率', op: '>=', value: 75, unit: '%' });
const beds = target({ metric: '每千人口床位数', op: '>=', value: 6, unit: '张' });
const thePlan = plan({ items: [] });
const theItem = item({ title: '推进家庭医生签约', targets: [coverage, beds] });
thePlan.items.push(theItem);
const theTask = task({ id: theItem.id, planId: thePlan.id, number: '3.', title: '推进家庭医生签约' });
const march = period({
  planId: thePlan.id,
  label: '2026年3月',
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
});
const submitted = (over: Partial<ReportDto>): ReportDto =>
  report({ itemId: theItem.id, unitId: unit.id, periodId: march.id, state: 'submitted', ...over });
const first = submitted({
  percent: 60,
  narrative: '签约工作稳步推进',
  actuals: [{ targetId: coverage.id, value: 71.5, note: '较上月提高2个百分点' }],
});
const second = submitted({ percent: 30, narrative: '床位扩建开工' });

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(api, 'health').mockResolvedValue({ status: 'ok', database: 'ok', time: '2026-03-20T02:00:00Z' });
  vi.spyOn(api, 'plans').mockResolvedValue([thePlan]);
  vi.spyOn(api, 'plan').mockResolvedValue(thePlan);
  vi.spyOn(api, 'units').mockResolvedValue([unit]);
  vi.spyOn(api, 'tasks').mockResolvedValue([theTask]);
  vi.spyOn(api, 'periods').mockResolvedValue([march]);
  vi.spyOn(api, 'currentPeriod').mockResolvedValue(march);
  vi.spyOn(api, 'attachments').mockResolvedValue([]);
  vi.spyOn(api, 'reports').mockImplementation((filter = {}) =>
    Promise.resolve(filter.state === 'submitted' ? [first, second] : []),
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function open(): void {
  render(createElement(AntApp, null, createElement(MemoryRouter, null, createElement(ReviewPage))));
}

const rowOf = async (text: string): Promise<HTMLElement> => {
  const cell = await screen.findAllByText(text, {}, { timeout: 10_000 });
  const row = cell[0]?.closest('tr');
  if (!row) throw new Error(`no row for ${text}`);
  return row;
};

describe('review queue', () => {
  it('expands a report to show each target beside the actual it reports, and “none” where it gives none', async () => {
    open();
    await screen.findAllByText('3. 推进家庭医生签约', {}, { timeout: 10_000 });
    const expanders = document.querySelectorAll<HTMLButtonElement>('.ant-table-row-expand-icon');
    expect(expanders).toHaveLength(2);
    const [expander] = expanders;
    if (!expander) throw new Error('no expander');
    fireEvent.click(expander);
    const detail = await screen.findByTestId('review-detail');
    expect(within(detail).getByText('签约工作稳步推进')).toBeTruthy();
    const coverageRow = await within(detail).findByText('家庭医生签约覆盖率');
    const cells = [...(coverageRow.closest('tr')?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    expect(cells).toEqual(['家庭医生签约覆盖率', '≥ 75%', '71.5%', '较上月提高2个百分点']);
    const bedsCells = [
      ...(within(detail).getByText('每千人口床位数').closest('tr')?.querySelectorAll('td') ?? []),
    ].map((td) => td.textContent);
    expect(bedsCells.slice(0, 2)).toEqual(['每千人口床位数', '≥ 6张']);
    expect(bedsCells[2]).not.toContain('张');
  });

  it('asks before accepting the selected reports as one batch, and sends them only on confirmation', async () => {
    const accept = vi.spyOn(api, 'acceptReports').mockResolvedValue([
      { ...first, state: 'accepted' },
      { ...second, state: 'accepted' },
    ]);
    open();
    await rowOf('3. 推进家庭医生签约');
    const boxes = document.querySelectorAll<HTMLInputElement>('tbody .ant-checkbox-input');
    for (const box of boxes) fireEvent.click(box);
    fireEvent.click(await screen.findByRole('button', { name: /批量通过（2）/ }));
    const confirm = await screen.findByText('确认通过选中的 2 份报告？全部通过或全部不通过');
    expect(accept).not.toHaveBeenCalled();
    const popover = confirm.closest('.ant-popover');
    if (!(popover instanceof HTMLElement)) throw new Error('no confirmation');
    const buttons = within(popover).getAllByRole('button');
    const ok = buttons[buttons.length - 1];
    if (!ok) throw new Error('no OK');
    fireEvent.click(ok);
    await waitFor(() => {
      expect(accept).toHaveBeenCalledTimes(1);
    });
    expect(accept.mock.calls[0]?.[0].map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
  });
});
