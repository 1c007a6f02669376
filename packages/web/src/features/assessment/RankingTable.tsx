import type { AssessmentDto, AssessmentUnitScore } from '@yaodian/core';
import { List, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.js';

/** Units ranked by the server, each row opening to the lines that make up its score. */
export function RankingTable({ assessment }: { assessment: AssessmentDto }): ReactNode {
  const t = useT();
  return (
    <Table<AssessmentUnitScore>
      size="small"
      rowKey="unitId"
      pagination={false}
      dataSource={assessment.units}
      data-testid="assessment-ranking"
      locale={{ emptyText: t('assessment.noUnits') }}
      expandable={{
        expandedRowRender: (unit) => (
          <List
            size="small"
            dataSource={unit.lines}
            data-testid={`assessment-lines-${unit.unitId}`}
            renderItem={(line) => (
              <List.Item>
                <Typography.Text type={line.points < 0 ? 'danger' : undefined}>{line.text}</Typography.Text>
              </List.Item>
            )}
          />
        ),
      }}
      columns={[
        { title: t('assessment.rank'), dataIndex: 'rank', width: 70 },
        { title: t('assessment.unit'), dataIndex: 'unitName' },
        {
          title: t('assessment.kind'),
          dataIndex: 'unitKind',
          width: 160,
          render: (kind: AssessmentUnitScore['unitKind']) => <Tag>{t(`unitKind.${kind}`)}</Tag>,
        },
        { title: t('assessment.kindRank'), dataIndex: 'kindRank', width: 90 },
        {
          title: t('assessment.score'),
          dataIndex: 'score',
          width: 90,
          render: (score: number) => <Typography.Text strong>{score}</Typography.Text>,
        },
      ]}
    />
  );
}
