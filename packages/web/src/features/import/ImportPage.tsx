import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Progress, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, type PlanSummaryDto } from '../../api/endpoints.js';

import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/i18n.js';

export function ImportPage(): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const plans = useLoad(() => api.plans(), []);
  const drafts = (plans.data ?? []).filter((p) => p.status === 'draft');

  const send = async (file: File): Promise<void> => {
    setError(null);
    setPercent(0);
    try {
      const plan = await api.importPlan(file, setPercent);
      void message.success(t('import.parsed'));
      void navigate(`/import/${plan.id}`);
    } catch (failure) {
      setError(failure);
      setPercent(null);
    }
  };

  return (
    <>
      <PageHeader title={t('import.title')} />
      <ErrorAlert error={error} />
      <Card className="yd-card">
        <Upload.Dragger
          name="file"
          multiple={false}
          showUploadList={false}
          accept=".txt,.text,.docx,.doc,.pdf,.html,.htm"
          disabled={percent !== null}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drag')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
        {percent !== null ? (
          <div style={{ marginTop: 16 }} data-testid="upload-progress">
            <Typography.Text>{t('import.uploading')}</Typography.Text>
            <Progress percent={percent} status="active" />
          </div>
        ) : null}
      </Card>
      <Card title={t('import.drafts')}>
        <Table<PlanSummaryDto>
          rowKey="id"
          loading={plans.loading}
          dataSource={drafts}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            { title: t('plans.name'), dataIndex: 'title' },
            { title: t('plans.source'), dataIndex: 'sourceFileName' },
            {
              title: t('plans.createdAt'),
              dataIndex: 'createdAt',
              width: 120,
              render: (at: string) => at.slice(0, 10),
            },
            {
              title: t('common.actions'),
              width: 120,
              render: (_: unknown, plan) => (
                <Button type="link" onClick={() => void navigate(`/import/${plan.id}`)}>
                  {t('plans.review')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
