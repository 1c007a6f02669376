import type { KeyProject } from '@yaodian/core';
import { Card, Empty, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { StatusTag } from '../../components/StatusTag.js';
import { useT } from '../../i18n/i18n.js';
import { SupervisionTag } from '../supervision/SupervisionTag.js';

/** 我的包抓项目: the leader's tasks with their status, open 督办 and latest reports, as the server lists them. */
export function KeyProjectsCard(): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const loaded = useLoad(() => api.myKeyProjects(), []);
  return (
    <Card title={t('leaders.myProjects')} style={{ marginTop: 16 }} data-testid="key-projects">
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <Table<KeyProject>
        rowKey="itemId"
        size="middle"
        loading={loaded.loading}
        dataSource={loaded.data?.projects ?? []}
        locale={{ emptyText: <Empty description={t('leaders.noProjects')} /> }}
        pagination={{ pageSize: 10 }}
        onRow={(row) => ({
          onClick: () => void navigate(`/plans/${row.planId}/tasks/${row.itemId}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '#', dataIndex: 'number', width: 70 },
          { title: t('planView.tasks'), dataIndex: 'title' },
          {
            title: t('planView.status'),
            key: 'status',
            width: 200,
            render: (_: unknown, row) => (
              <>
                {row.status ? <StatusTag status={row.status} /> : null}
                {row.highestLevel ? (
                  <SupervisionTag level={row.highestLevel} count={row.openSupervision} />
                ) : null}
              </>
            ),
          },
          {
            title: t('leaders.owner'),
            key: 'via',
            width: 100,
            render: (_: unknown, row) => <Tag>{t(`leaders.via.${row.via}`)}</Tag>,
          },
          {
            title: t('leaders.latest'),
            key: 'latest',
            render: (_: unknown, row) =>
              row.latestReports
                .map((r) => `${r.unitName} ${r.periodLabel} ${String(r.percent)}%`)
                .join(t('common.sep')),
          },
        ]}
      />
    </Card>
  );
}
