import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useAuth } from '../../auth/auth.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/i18n.js';
import { CalendarTab } from '../calendar/CalendarTab.js';
import { GroupsTab } from './GroupsTab.js';
import { PeriodsTab } from './PeriodsTab.js';
import { RolesTab } from './RolesTab.js';
import { SecurityPolicyTab } from './SecurityPolicyTab.js';
import { UnitsTab } from './UnitsTab.js';
import { UsersTab } from './UsersTab.js';

export function AdminPage(): ReactNode {
  const t = useT();
  const { allowed } = useAuth();
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <Card>
        <Tabs
          items={[
            // A planner reaches this page for periods and the calendar: the users tab only for who may list users.
            ...(allowed('user.read')
              ? [{ key: 'users', label: t('admin.users'), children: <UsersTab /> }]
              : []),
            { key: 'roles', label: t('admin.roles'), children: <RolesTab /> },
            ...(allowed('unit.manage')
              ? [
                  { key: 'units', label: t('admin.units'), children: <UnitsTab /> },
                  { key: 'groups', label: t('admin.groups'), children: <GroupsTab /> },
                ]
              : []),
            ...(allowed('plan.read')
              ? [{ key: 'calendar', label: t('admin.calendar'), children: <CalendarTab /> }]
              : []),
            ...(allowed('security.policy')
              ? [{ key: 'security', label: t('admin.security'), children: <SecurityPolicyTab /> }]
              : []),
            ...(allowed('plan.edit')
              ? [{ key: 'periods', label: t('admin.periods'), children: <PeriodsTab /> }]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
