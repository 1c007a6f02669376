import type { BulkLine, BulkPreview } from '@yaodian/core';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.js';

/**
 * What an upload would change, row by row, as the server checked it: old → new, and each problem naming its
 * row and column. Writing is offered only when every row is valid.
 */
export function ValuesPreview({
  preview,
  busy,
  onConfirm,
}: {
  preview: BulkPreview;
  busy: boolean;
  onConfirm: () => void;
}): ReactNode {
  const t = useT();
  const problems = preview.lines.reduce((n, line) => n + line.errors.length, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {problems > 0 ? (
        <Alert type="error" showIcon title={t('values.invalid', { count: problems })} />
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('values.summary', { lines: preview.lines.length, reports: preview.reports })}
          description={preview.acceptedDirectly ? t('values.direct') : t('values.review')}
        />
      )}
      <Table<BulkLine>
        rowKey="row"
        size="small"
        pagination={false}
        dataSource={preview.lines}
        rowClassName={(line) => (line.errors.length > 0 ? 'values-row-error' : '')}
        columns={[
          { title: t('values.row'), dataIndex: 'row', width: 64 },
          {
            title: t('values.task'),
            render: (_, line) => `${line.taskNumber} ${line.taskTitle}`.trim(),
          },
          { title: t('values.unit'), dataIndex: 'unitName' },
          { title: t('values.metric'), dataIndex: 'metric' },
          {
            title: `${t('values.old')} → ${t('values.new')}`,
            render: (_, line) =>
              line.newValue === null
                ? ''
                : `${line.oldValue === null ? '—' : String(line.oldValue)} → ${String(line.newValue)}`,
          },
          { title: t('values.percent'), dataIndex: 'percent' },
          {
            title: t('values.errors'),
            render: (_, line) =>
              line.errors.length === 0 ? (
                <Tag color="green">{t('values.ok')}</Tag>
              ) : (
                line.errors.map((e) => (
                  <Typography.Text type="danger" key={e} style={{ display: 'block' }}>
                    {e}
                  </Typography.Text>
                ))
              ),
          },
        ]}
      />
      <Button type="primary" disabled={!preview.valid} loading={busy} onClick={onConfirm}>
        {t('values.confirm')}
      </Button>
    </Space>
  );
}
