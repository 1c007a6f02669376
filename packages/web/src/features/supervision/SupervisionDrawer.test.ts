// @vitest-environment jsdom
import '../../test/dom.js';
import type { SupervisionDetail, SupervisionNoticeDto } from '@yaodian/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuid } from '../../test/factories.js';
import { actionsFor, SupervisionDrawer, type SupervisionPowers } from './SupervisionDrawer.js';

afterEach(cleanup);

// A notice as GET /api/supervision/:id answers it (shape checked by the core schema).
function notice(over: Partial<SupervisionNoticeDto> = {}): SupervisionNoticeDto {
  return {
    id: uuid(),
    planId: uuid(),
    number: '督办〔2026〕3号',
    year: 2026,
    seq: 3,
    level: 'yellow',
    status: 'issued',
    rule: 'overdue',
    reason: '2026年5月进展逾期3个工作日以上未报送',
    units: [{ id: uuid(), name: '医政医管科' }],
    tasks: [{ id: uuid(), number: '（一）', title: '推进紧密型县域医共体建设' }],
    responseDue: '2026-06-04',
    issuedAt: '2026-05-28T00:30:00.000Z',
    issuedBy: null,
    signedAt: null,
    signedBy: null,
    respondedAt: null,
    respondedBy: null,
    response: null,
    closedAt: null,
    closedBy: null,
    closeNote: null,
    previousId: null,
    nextId: null,
    version: 1,
    ...over,
  };
}

const REPORTER: SupervisionPowers = { answer: true, manage: false, download: true };
const OFFICE: SupervisionPowers = { answer: false, manage: true, download: true };

function show(
  detail: SupervisionDetail,
  powers: SupervisionPowers,
  onAction = vi.fn(),
  onDownload = vi.fn(),
) {
  render(
    createElement(SupervisionDrawer, {
      detail,
      powers,
      busy: false,
      onAction,
      onDownload,
      onClose: vi.fn(),
    }),
  );
  return onAction;
}

describe('the 督办 detail drawer', () => {
  it('shows the notice: level, status, units, tasks, reason and who issued it', () => {
    const n = notice();
    show({ notice: n, history: [n] }, REPORTER);
    expect(screen.getByTestId('sup-tag-yellow').textContent).toBe('黄色督办');
    expect(screen.getByTestId('sup-status').textContent).toBe('待签收');
    expect(screen.getByText('医政医管科')).toBeTruthy();
    expect(screen.getByText('（一） 推进紧密型县域医共体建设')).toBeTruthy();
    expect(screen.getByText(/系统按规则下发/)).toBeTruthy();
  });

  it('offers the unit sign, then respond once measures are written', () => {
    const issued = notice();
    const onSign = show({ notice: issued, history: [issued] }, REPORTER);
    expect(screen.queryByTestId('sup-close')).toBeNull();
    fireEvent.click(screen.getByTestId('sup-sign'));
    expect(onSign).toHaveBeenCalledWith('sign', '');
    cleanup();
    const signed = notice({ status: 'signed', version: 2 });
    const onRespond = show({ notice: signed, history: [signed] }, REPORTER);
    const respond = screen.getByTestId<HTMLButtonElement>('sup-respond');
    expect(respond.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('sup-text'), { target: { value: '已补报5月进展并建立周调度' } });
    fireEvent.click(screen.getByTestId('sup-respond'));
    expect(onRespond).toHaveBeenCalledWith('respond', '已补报5月进展并建立周调度');
  });

  it('offers the office close and escalate, and only close at red; nothing on a closed notice', () => {
    expect(actionsFor(notice({ status: 'responded' }), OFFICE)).toEqual(['close', 'escalate']);
    expect(actionsFor(notice({ level: 'red' }), OFFICE)).toEqual(['close']);
    expect(actionsFor(notice({ status: 'closed' }), OFFICE)).toEqual([]);
    expect(actionsFor(notice({ status: 'escalated' }), REPORTER)).toEqual([]);
    expect(actionsFor(notice(), { answer: false, manage: false, download: false })).toEqual([]);
  });

  it('offers the 督办单 download to those who may take it, a closed notice included, and not to a viewer', () => {
    const onDownload = vi.fn();
    const closed = notice({ status: 'closed' });
    show({ notice: closed, history: [closed] }, OFFICE, vi.fn(), onDownload);
    fireEvent.click(screen.getByTestId('sup-download'));
    expect(onDownload).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('sup-download').textContent).toBe('下载督办单');
    cleanup();
    show({ notice: closed, history: [closed] }, { answer: false, manage: false, download: false });
    expect(screen.queryByTestId('sup-download')).toBeNull();
  });

  it('shows the ladder of an escalated notice', () => {
    const blue = notice({ level: 'blue', status: 'escalated', number: '督办〔2026〕2号' });
    const yellow = notice({ previousId: blue.id });
    show({ notice: yellow, history: [blue, yellow] }, OFFICE);
    expect(screen.getByText('督办〔2026〕2号 蓝色督办')).toBeTruthy();
    expect(screen.getByText('督办〔2026〕3号 黄色督办')).toBeTruthy();
  });
});
