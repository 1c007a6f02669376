import { CheckOutlined } from '@ant-design/icons';
import { ACTIONS, PERMISSIONS, ROLES, type Action } from '@yaodian/core';
import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.js';

/** The permission matrix the server enforces, read from the shared contract. */
export function RolesTab(): ReactNode {
  const t = useT();
  return (
    <Table<{ action: Action }>
      size="small"
      rowKey="action"
      pagination={false}
      dataSource={ACTIONS.map((action) => ({ action }))}
      columns={[
        { title: t('admin.permission'), render: (_: unknown, row) => t(`action.${row.action}`) },
        ...ROLES.map((role) => ({
          title: t(`role.${role}`),
          key: role,
          align: 'center' as const,
          render: (_: unknown, row: { action: Action }) =>
            PERMISSIONS[row.action].includes(role) ? (
              <CheckOutlined style={{ color: '#52c41a' }} aria-label={t('common.yes')} />
            ) : null,
        })),
      ]}
    />
  );
}
