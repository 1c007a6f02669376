// @vitest-environment jsdom
import '../../test/dom.js';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { UnitRobot } from '@yaodian/core';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/endpoints.js';
import { uuid } from '../../test/factories.js';
import { UnitRobotsModal } from './UnitRobotsModal.js';

const unit = { id: uuid(), name: '疾控科', kind: 'department' as const, aliases: [], linkedTenantId: null };
const dingtalk = 'https://oapi.dingtalk.com/robot/send?access_token=abc';
let sent: UnitRobot[] | undefined;
/** Read through a call, so the compiler does not narrow `sent` to what the test last assigned. */
const lastSent = (): UnitRobot[] | undefined => sent;

beforeEach(() => {
  sent = undefined;
  vi.spyOn(api, 'unitRobots').mockResolvedValue({
    robots: [{ kind: 'dingtalk', webhookUrl: dingtalk, hasSecret: true, enabled: true }],
  });
  vi.spyOn(api, 'updateUnitRobots').mockImplementation((input) => {
    sent = input.body.robots;
    return Promise.resolve({ robots: [] });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function open(): void {
  render(createElement(AntApp, null, createElement(UnitRobotsModal, { unit, onClose: () => undefined })));
}

const save = async (): Promise<void> => {
  fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
  await waitFor(() => {
    expect(sent).toBeDefined();
  });
};

describe('a unit’s group robots', () => {
  it('says a secret is stored without showing it, and keeps it when nothing new is typed', async () => {
    open();
    const secret = await screen.findByPlaceholderText('已设置（留空则保持不变）');
    expect((secret as HTMLInputElement).value).toBe('');
    await save();
    expect(sent).toEqual([{ kind: 'dingtalk', webhookUrl: dingtalk, enabled: true }]);
    expect(sent?.[0]).not.toHaveProperty('secret');
  });

  it('sends a newly typed secret, and null when the stored one is to be removed', async () => {
    open();
    fireEvent.change(await screen.findByPlaceholderText('已设置（留空则保持不变）'), {
      target: { value: 'SEC123' },
    });
    await save();
    expect(sent?.[0]?.secret).toBe('SEC123');

    cleanup();
    sent = undefined;
    open();
    fireEvent.click(await screen.findByText('清除已保存的密钥'));
    await save();
    expect(lastSent()?.[0]?.secret).toBeNull();
  });

  it('adds a WeCom robot only when its address is filled in', async () => {
    open();
    fireEvent.change(
      await screen.findByPlaceholderText('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'),
      { target: { value: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1' } },
    );
    await save();
    expect(sent?.map((r) => r.kind)).toEqual(['wecom', 'dingtalk']);
  });
});
