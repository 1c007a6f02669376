// @vitest-environment jsdom
import '../../test/dom.js';
import { REPORT_TEXT_MAX } from '@yaodian/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/endpoints.js';
import { period, plan, report, task, uuid } from '../../test/factories.js';
import { ReportPage } from './ReportPage.js';

const unitId = uuid();
const the = { task: task({ percent: 40, title: '推进分级诊疗' }), period: period({ label: '2026年3月' }) };
const thePlan = plan({ id: the.task.planId });

let at = '';
function Where(): null {
  at = useLocation().pathname;
  return null;
}

/** The server's answers: the task with its accepted progress, its plan and periods, no report yet. */
function serve(): void {
  vi.spyOn(api, 'units').mockResolvedValue([
    { id: unitId, name: '医政医管科', kind: 'department', aliases: [], linkedTenantId: null },
  ]);
  vi.spyOn(api, 'myTasks').mockResolvedValue([the.task]);
  vi.spyOn(api, 'plan').mockResolvedValue(thePlan);
  vi.spyOn(api, 'periods').mockResolvedValue([the.period]);
  vi.spyOn(api, 'reports').mockResolvedValue([]);
  vi.spyOn(api, 'attachments').mockResolvedValue([]);
}

function open(): void {
  const url = `/reports/new/${the.task.id}/${unitId}/${the.period.id}`;
  render(
    createElement(
      AntApp,
      null,
      createElement(
        MemoryRouter,
        { initialEntries: [url] },
        createElement(Where),
        createElement(
          Routes,
          null,
          createElement(Route, {
            path: '/reports/new/:itemId/:unitId/:periodId',
            element: createElement(ReportPage),
          }),
          createElement(Route, { path: '/reports/:reportId', element: createElement(ReportPage) }),
        ),
      ),
    ),
  );
}

beforeEach(() => {
  localStorage.clear();
  serve();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('report form', () => {
  it('starts a new report from the task’s accepted progress the server gives, not from 0', async () => {
    open();
    const percent = await screen.findByRole<HTMLInputElement>('spinbutton', {}, { timeout: 10_000 });
    await waitFor(() => {
      expect(percent.value).toBe('40');
    });
  });

  it('names the field and the limit when a text is too long, and saves nothing', async () => {
    const create = vi.spyOn(api, 'createReport');
    open();
    const narrative = await screen.findByLabelText('进展情况', {}, { timeout: 10_000 });
    fireEvent.change(narrative, { target: { value: '字'.repeat(REPORT_TEXT_MAX + 1) } });
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    expect(
      await screen.findByText(
        `进展情况不超过 ${String(REPORT_TEXT_MAX)} 字（现有 ${String(REPORT_TEXT_MAX + 1)} 字），请精简后再保存`,
      ),
    ).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('takes evidence before the first save: saves the draft once, uploads to it, then opens it', async () => {
    const draft = report({
      id: uuid(),
      itemId: the.task.id,
      unitId,
      periodId: the.period.id,
      state: 'draft',
    });
    const create = vi.spyOn(api, 'createReport').mockResolvedValue(draft);
    vi.spyOn(api, 'report').mockResolvedValue(draft);
    const upload = vi.spyOn(api, 'uploadAttachment').mockResolvedValue({
      id: uuid(),
      reportId: draft.id,
      fileName: '会议纪要.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 3,
      sha256: '0'.repeat(64),
      uploadedAt: '2026-03-01T00:00:00Z',
    });
    open();
    const narrative = await screen.findByLabelText('进展情况', {}, { timeout: 10_000 });
    fireEvent.change(narrative, { target: { value: '已召开推进会' } });
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    const files = [new File(['pdf'], '会议纪要.pdf'), new File(['jpg'], '现场.jpg')];
    fireEvent.change(input, { target: { files } });
    await waitFor(() => {
      expect(upload).toHaveBeenCalledTimes(2);
    });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toMatchObject({
      narrative: '已召开推进会',
      percent: 40,
      submit: false,
    });
    expect(upload.mock.calls.map((c) => c[0])).toEqual([draft.id, draft.id]);
    await waitFor(() => {
      expect(at).toBe(`/reports/${draft.id}`);
    });
  });
});
