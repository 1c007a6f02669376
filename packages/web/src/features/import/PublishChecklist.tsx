import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { PublishFindingDto } from '@yaodian/core';
import { Alert, Card, Input, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.js';

interface Props {
  findings: PublishFindingDto[] | null;
  reasons: Record<string, string>;
  editable: boolean;
  onReason: (key: string, reason: string) => void;
  onSelect: (itemId: string) => void;
}

/** The server's publish check as a checklist: each finding with a reason field to waive it. */
export function PublishChecklist({ findings, reasons, editable, onReason, onSelect }: Props): ReactNode {
  const t = useT();
  if (findings === null) return null;
  if (findings.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={t('importReview.checkClean')}
        style={{ marginBottom: 16 }}
        data-testid="publish-check"
      />
    );
  return (
    <Card
      size="small"
      className="yd-card"
      title={`${t('importReview.check')} (${findings.length})`}
      data-testid="publish-check"
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">{t('importReview.checkHint')}</Typography.Paragraph>
      <List
        size="small"
        style={{ maxHeight: 320, overflow: 'auto' }}
        dataSource={findings}
        renderItem={(f) => (
          <List.Item key={f.key} data-testid="finding">
            <div style={{ display: 'flex', gap: 8, width: '100%', alignItems: 'center', flexWrap: 'wrap' }}>
              <ExclamationCircleOutlined style={{ color: reasons[f.key]?.trim() ? '#52c41a' : '#faad14' }} />
              <Typography.Link
                onClick={() => {
                  onSelect(f.itemId);
                }}
              >{`${f.itemNumber} ${f.itemTitle}`}</Typography.Link>
              <Typography.Text>
                {t(`importReview.finding.${f.kind}`, { name: f.name ?? '', metric: f.metric ?? '' })}
              </Typography.Text>
              {editable ? (
                <Input
                  size="small"
                  style={{ flex: 1, minWidth: 200 }}
                  maxLength={500}
                  placeholder={t('importReview.reason')}
                  aria-label={t('importReview.reason')}
                  value={reasons[f.key] ?? ''}
                  onChange={(e) => {
                    onReason(f.key, e.target.value);
                  }}
                />
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
