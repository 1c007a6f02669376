import { Card, Empty, Segmented, Spin } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n.js';

const Chart = lazy(() => import('./Charts.js').then((m) => ({ default: m.Chart })));

/**
 * A chart with a table view beside it; printing shows the table, which reads on paper. With `empty` set the
 * card says why there is nothing to draw instead of drawing an empty chart.
 */
export function ChartCard({
  title,
  option,
  table,
  height,
  testId,
  empty,
  footer,
}: {
  title: string;
  option: Record<string, unknown>;
  table: ReactNode;
  height?: number;
  testId: string;
  empty?: string | null;
  footer?: ReactNode;
}): ReactNode {
  const t = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      className="yd-card"
      title={title}
      data-testid={testId}
      extra={
        empty ? null : (
          <span className="yd-no-print">
            <Segmented<'chart' | 'table'>
              size="small"
              value={view}
              onChange={(v) => {
                setView(v);
              }}
              options={[
                { value: 'chart', label: t('common.chart') },
                { value: 'table', label: t('common.table') },
              ]}
            />
          </span>
        )
      }
    >
      {empty ? (
        <div data-testid={`${testId}-empty`}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        </div>
      ) : view === 'chart' ? (
        <>
          <div className="yd-no-print">
            <Suspense fallback={<Spin />}>
              <Chart option={option} height={height} label={title} />
            </Suspense>
          </div>
          <div className="yd-print-only">{table}</div>
        </>
      ) : (
        table
      )}
      {footer}
    </Card>
  );
}
