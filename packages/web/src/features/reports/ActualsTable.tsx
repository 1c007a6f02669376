import { Form, Input, InputNumber, Table } from 'antd';
import type { ReactNode } from 'react';
import type { TargetDto } from '../../api/endpoints.js';
import { targetText } from '../../components/target-text.js';
import { useT } from '../../i18n/i18n.js';
import type { ReportDraft } from './report-draft.js';

interface Props {
  targets: readonly TargetDto[];
  draft: ReportDraft;
  update: (patch: Partial<ReportDraft>) => void;
}

/** One row per target of the task: the target, and the actual value (with a note) this report gives. */
export function ActualsTable({ targets, draft, update }: Props): ReactNode {
  const t = useT();
  if (targets.length === 0) return null;
  return (
    <Form.Item label={t('report.actuals')}>
      <Table<TargetDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...targets]}
        columns={[
          { title: t('dashboard.metric'), dataIndex: 'metric' },
          {
            title: t('task.target'),
            width: 140,
            render: (_: unknown, target) => targetText(target),
          },
          {
            title: t('task.actual'),
            width: 160,
            render: (_: unknown, target) => (
              <InputNumber
                aria-label={`${target.metric} ${t('task.actual')}`}
                style={{ width: '100%' }}
                value={draft.actuals[target.id]?.value ?? null}
                suffix={target.unit || undefined}
                onChange={(v) => {
                  update({
                    actuals: {
                      ...draft.actuals,
                      [target.id]: {
                        value: typeof v === 'number' ? v : null,
                        note: draft.actuals[target.id]?.note ?? '',
                      },
                    },
                  });
                }}
              />
            ),
          },
          {
            title: t('report.actualNote'),
            render: (_: unknown, target) => (
              <Input
                aria-label={`${target.metric} ${t('report.actualNote')}`}
                value={draft.actuals[target.id]?.note ?? ''}
                onChange={(e) => {
                  update({
                    actuals: {
                      ...draft.actuals,
                      [target.id]: {
                        value: draft.actuals[target.id]?.value ?? null,
                        note: e.target.value,
                      },
                    },
                  });
                }}
              />
            ),
          },
        ]}
      />
    </Form.Item>
  );
}
