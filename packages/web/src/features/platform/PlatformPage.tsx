import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/i18n.js';
import { TenantsTab } from './TenantsTab.js';

/** 平台管理: the platform operator's screens (the commission tree). */
export function PlatformPage(): ReactNode {
  const t = useT();
  return (
    <>
      <PageHeader title={t('platform.title')} />
      <Card>
        <Tabs items={[{ key: 'tenants', label: t('platform.tenants'), children: <TenantsTab /> }]} />
      </Card>
    </>
  );
}
