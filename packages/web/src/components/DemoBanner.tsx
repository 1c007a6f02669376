import type { ClockState } from '@yaodian/core';
import { Alert, Button, Flex, Space, Typography, message } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/endpoints.js';
import { errorMessage } from '../api/error-message.js';
import { useLoad } from '../api/use-load.js';
import { useAuth } from '../auth/auth.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * Shown on every page while the demo commission (accounts with published passwords) is installed. It also
 * shows the demo's date, which an administrator can move forward to watch the year run: reminders, late
 * reports, statuses (the server offers this only in demo and test mode).
 */
export function DemoBanner(): ReactNode {
  const { t } = useI18n();
  const health = useLoad(() => api.health(), []);
  if (health.data?.demo !== true) return null;
  return (
    <Alert
      data-testid="demo-banner"
      type="warning"
      banner
      showIcon={false}
      title={
        <Flex justify="space-between" align="center" wrap gap={8}>
          <span>{t('demo.banner')}</span>
          <DemoClock />
        </Flex>
      }
    />
  );
}

function DemoClock(): ReactNode {
  const { t } = useI18n();
  const { user, allowed } = useAuth();
  const [clock, setClock] = useState<ClockState | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!user) return;
    api.clock().then(setClock, () => undefined);
  }, [user]);
  if (!user || !clock) return null;

  const advance = async (days: number): Promise<void> => {
    setBusy(true);
    try {
      const result = await api.advanceClock({ body: { days } });
      void message.success(t('demo.clock.moved', { today: result.today, n: result.jobsRun }));
      // Every page's figures depend on the date: start them afresh.
      setTimeout(() => {
        window.location.reload();
      }, 600);
    } catch (error) {
      void message.error(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <Space size={4} data-testid="demo-clock">
      <Typography.Text>{t('demo.clock.today', { today: clock.today })}</Typography.Text>
      {clock.movable && allowed('system.clock')
        ? [1, 7, 30].map((days) => (
            <Button key={days} size="small" disabled={busy} onClick={() => void advance(days)}>
              {t('demo.clock.forward', { n: days })}
            </Button>
          ))
        : null}
    </Space>
  );
}
