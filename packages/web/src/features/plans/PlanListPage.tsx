import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, type PlanSummaryDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT, type Translate } from '../../i18n/i18n.js';

export function exportFileName(plan: Pick<PlanSummaryDto, 'title'>, t: Translate): string {
  return `${t('print.title', { title: plan.title })}.xlsx`;
}

export function PlanListPage(): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const plans = useLoad(() => api.plans(), []);

  const exportPlan = async (plan: PlanSummaryDto): Promise<void> => {
    try {
      await api.exportXlsx(plan.id, exportFileName(plan, t));
      void message.success(t('plans.exported'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <PageHeader title={t('plans.title')} />
      <ErrorAlert error={plans.error} onRetry={plans.reload} />
      <Card>
        <Table<PlanSummaryDto>
          rowKey="id"
          loading={plans.loading}
          dataSource={plans.data ?? []}
          locale={{ emptyText: <Empty description={t('plans.none')} /> }}
          columns={[
            { title: t('plans.year'), dataIndex: 'year', width: 80, sorter: (a, b) => a.year - b.year },
            { title: t('plans.name'), dataIndex: 'title' },
            {
              title: t('plans.status'),
              dataIndex: 'status',
              width: 100,
              render: (_: unknown, plan) => (
                <Tag
                  color={
                    plan.status === 'published' ? 'green' : plan.status === 'draft' ? 'orange' : 'default'
                  }
                >
                  {t(`planStatus.${plan.status}`)}
                </Tag>
              ),
            },
            {
              title: t('plans.source'),
              dataIndex: 'sourceFileName',
              ellipsis: true,
              render: (name: string | null) => name ?? '',
            },
            {
              title: t('plans.createdAt'),
              dataIndex: 'createdAt',
              width: 120,
              render: (at: string) => at.slice(0, 10),
            },
            {
              title: t('common.actions'),
              width: 360,
              render: (_: unknown, plan) => (
                <Space wrap>
                  {plan.status === 'draft' ? (
                    <Button type="primary" size="small" onClick={() => void navigate(`/import/${plan.id}`)}>
                      {t('plans.review')}
                    </Button>
                  ) : (
                    <Button type="primary" size="small" onClick={() => void navigate(`/plans/${plan.id}`)}>
                      {t('plans.open')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    icon={<PrinterOutlined />}
                    onClick={() => window.open(`/plans/${plan.id}/print`, '_blank')}
                  >
                    {t('plans.print')}
                  </Button>
                  <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportPlan(plan)}>
                    {t('plans.export')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
