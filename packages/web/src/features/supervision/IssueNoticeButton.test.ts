// @vitest-environment jsdom
import '../../test/dom.js';
import type { SupervisionNoticeDto } from '@yaodian/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/endpoints.js';
import { plan, task, uuid } from '../../test/factories.js';
import { emptyIssueDraft, IssueNoticeButton, issueReady, unitsOfTasks } from './IssueNoticeButton.js';

const thePlan = plan();
const medical = { id: uuid(), name: '医政医管科' };
const county = { id: uuid(), name: '临水县卫生健康局' };
const reform = task({
  planId: thePlan.id,
  number: '（一）',
  title: '推进医共体建设',
  reportingUnits: [medical],
});
const clinics = task({
  planId: thePlan.id,
  number: '（二）',
  title: '村卫生室标准化',
  reportingUnits: [county, medical],
});

beforeEach(() => {
  vi.spyOn(api, 'plans').mockResolvedValue([thePlan]);
  vi.spyOn(api, 'units').mockResolvedValue(
    [medical, county].map((u) => ({
      ...u,
      kind: 'department' as const,
      aliases: [],
      active: true,
      leaderId: null,
      version: 1,
    })) as unknown as Awaited<ReturnType<typeof api.units>>,
  );
  vi.spyOn(api, 'tasks').mockResolvedValue([reform, clinics]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('issuing a 督办单 by hand', () => {
  it('is ready only with a plan, a unit, a task and a reason', () => {
    const ready = { ...emptyIssueDraft('p'), unitIds: ['u'], itemIds: ['t'], reason: '进度滞后' };
    expect(issueReady(ready)).toBe(true);
    expect(issueReady({ ...ready, reason: '  ' })).toBe(false);
    expect(issueReady({ ...ready, unitIds: [] })).toBe(false);
    expect(issueReady({ ...ready, itemIds: [] })).toBe(false);
    expect(issueReady({ ...ready, planId: undefined })).toBe(false);
  });

  it('suggests the chosen tasks’ reporting units, each once, in the order chosen', () => {
    expect(unitsOfTasks([reform, clinics], [clinics.id, reform.id])).toEqual([county.id, medical.id]);
    expect(unitsOfTasks([reform, clinics], [])).toEqual([]);
  });

  it('sends the office’s choice once, with one Idempotency-Key, and hands the notice back', async () => {
    const notice = { id: uuid(), number: '督办〔2026〕9号' } as SupervisionNoticeDto;
    const issued = vi.spyOn(api, 'issueSupervision').mockResolvedValue({ notice });
    const onIssued = vi.fn();
    render(createElement(AntApp, null, createElement(IssueNoticeButton, { onIssued })));
    fireEvent.click(screen.getByTestId('sup-issue-open'));
    await screen.findByText('下发督办单（人工）');
    await waitFor(() => {
      expect(api.tasks).toHaveBeenCalledWith({ planId: thePlan.id });
    });
    // The task picker: open it and choose 推进医共体建设; its unit is filled in.
    const picker = document.querySelector('#sup-issue-tasks')?.closest('.ant-select');
    if (!picker) throw new Error('no task picker');
    fireEvent.mouseDown(picker.querySelector('.ant-select-selector') ?? picker);
    fireEvent.click(await screen.findByText('（一） 推进医共体建设'));
    await screen.findByText('医政医管科');
    fireEvent.change(document.querySelector('#sup-issue-reason') as Element, {
      target: { value: '连续两月进展滞后' },
    });
    const ok = screen.getByRole('button', { name: /^下\s*发$/ });
    await waitFor(() => {
      expect((ok as HTMLButtonElement).disabled).toBe(false);
    });
    fireEvent.click(ok);
    await waitFor(() => {
      expect(onIssued).toHaveBeenCalledWith(notice);
    });
    expect(issued).toHaveBeenCalledTimes(1);
    const [input, options] = issued.mock.calls[0] ?? [];
    expect(input).toEqual({
      body: {
        planId: thePlan.id,
        level: 'blue',
        unitIds: [medical.id],
        itemIds: [reform.id],
        reason: '连续两月进展滞后',
      },
    });
    expect(options?.headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
