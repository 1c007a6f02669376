import { Card, Empty, Table, Typography } from 'antd';
import type { TargetHistory, TargetHistoryEntry } from '@yaodian/core';
import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

/**
 * 历年: each target's metric in this year and the years its confirmed links lead back to (the server
 * follows the links; the accepted actual of each year is the server's).
 */
export function TargetHistoryCard({ targetIds }: { targetIds: readonly string[] }): ReactNode {
  const t = useT();
  const key = targetIds.join(',');
  const histories = useLoad(
    () => Promise.all(targetIds.map((id) => api.targetHistory({ params: { id } }))),
    [key],
  );
  const earlier = (histories.data ?? []).filter((h: TargetHistory) => h.years.length > 1);
  if (targetIds.length === 0) return null;
  return (
    <Card
      className="yd-card"
      title={t('yearHistory.title')}
      loading={histories.loading}
      data-testid="year-history"
    >
      <ErrorAlert error={histories.error} onRetry={histories.reload} />
      {earlier.length === 0 ? (
        <Empty description={t('yearHistory.none')} />
      ) : (
        earlier.map((history) => (
          <div key={history.targetId} style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {t('yearHistory.metricUnit', {
                metric: history.years[0]?.metric ?? '',
                unit: history.years[0]?.unit ?? '',
              })}
            </Typography.Text>
            <Table<TargetHistoryEntry>
              rowKey="targetId"
              size="small"
              pagination={false}
              dataSource={history.years}
              columns={[
                { title: t('yearHistory.year'), dataIndex: 'year', width: 80 },
                { title: t('yearLinks.current'), dataIndex: 'itemTitle' },
                {
                  title: t('yearHistory.target'),
                  render: (_: unknown, y) => (y.value === null ? '' : `${y.op} ${String(y.value)}`),
                },
                { title: t('yearHistory.baseline'), render: (_: unknown, y) => y.baseline ?? '' },
                {
                  title: t('yearHistory.actual'),
                  render: (_: unknown, y) =>
                    y.actual === null
                      ? ''
                      : y.actualPeriod
                        ? t('yearHistory.actualAt', { value: y.actual, period: y.actualPeriod })
                        : String(y.actual),
                },
              ]}
            />
          </div>
        ))
      )}
    </Card>
  );
}
