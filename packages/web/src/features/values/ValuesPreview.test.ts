// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { BulkLine, BulkPreview } from '@yaodian/core';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuid } from '../../test/factories.js';
import { ValuesPreview } from './ValuesPreview.js';

afterEach(() => {
  cleanup();
});

const line = (row: number, fields: Partial<BulkLine> = {}): BulkLine => ({
  row,
  itemId: uuid(),
  unitId: uuid(),
  targetId: uuid(),
  taskNumber: '（一）',
  taskTitle: `批量填报任务${String(row)}`,
  unitName: '医政医管科',
  metric: '床位数',
  oldValue: null,
  newValue: row * 10,
  percent: 60,
  errors: [],
  ...fields,
});

function show(preview: BulkPreview, onConfirm = vi.fn()) {
  render(createElement(ValuesPreview, { preview, busy: false, onConfirm }));
  return onConfirm;
}

describe('the upload preview', () => {
  it('shows old → new per row and lets a valid upload be written', () => {
    const onConfirm = show({
      lines: [line(3, { oldValue: 25, newValue: 30 }), line(4)],
      reports: 2,
      valid: true,
      acceptedDirectly: false,
    });
    expect(screen.getByText('25 → 30')).toBeTruthy();
    expect(screen.getByText('— → 40')).toBeTruthy();
    expect(screen.getByText('共2行，将生成2份报告')).toBeTruthy();
    expect(screen.getByText('写入后进入审核（待审核）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /确认写入/ }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('names each bad row’s row and column and offers nothing to write', () => {
    const onConfirm = show({
      lines: [line(16), line(17, { newValue: null, errors: ['第17行 G列（本期实际值）：应为数字'] })],
      reports: 1,
      valid: false,
      acceptedDirectly: false,
    });
    expect(screen.getByText('第17行 G列（本期实际值）：应为数字')).toBeTruthy();
    expect(screen.getByText('有1处错误：请修改文件后重新上传，未写入任何数据')).toBeTruthy();
    const button = screen.getByRole('button', { name: /确认写入/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
