import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../api/endpoints.js';
import { useLoad } from '../api/use-load.js';
import { useI18n } from '../i18n/i18n.js';

/** Shown on every page while the demo commission (accounts with published passwords) is installed. */
export function DemoBanner(): ReactNode {
  const { t } = useI18n();
  const health = useLoad(() => api.health(), []);
  if (health.data?.demo !== true) return null;
  return <Alert data-testid="demo-banner" type="warning" banner showIcon={false} title={t('demo.banner')} />;
}
