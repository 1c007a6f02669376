import { PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Modal, Popconfirm, Space, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ItemDto, PlanDetailDto, TargetDto, TargetFields } from '../../api/endpoints.js';
import { api } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';
import { targetText } from '../../components/target-text.js';
import { TargetForm } from './TargetForm.js';

interface Props {
  plan: PlanDetailDto;
  item: ItemDto;
  editable: boolean;
  /** Runs a write that answers with the whole plan; the page shows errors and the new plan. */
  run: (write: () => Promise<PlanDetailDto>) => Promise<void>;
}

const emptyTarget: TargetFields = {
  metric: '',
  op: '>=',
  value: null,
  lo: null,
  hi: null,
  unit: '',
  deadline: null,
};

/** The item's quantified targets: a table, and a dialog to add or edit one. */
export function ItemTargets({ plan, item, editable, run }: Props): ReactNode {
  const t = useT();
  const [target, setTarget] = useState<{ original: TargetDto | null; fields: TargetFields } | null>(null);
  return (
    <>
      <Divider titlePlacement="start">{t('importReview.targets')}</Divider>
      <Table<TargetDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={item.targets}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('importReview.metric'), dataIndex: 'metric' },
          { title: t('task.target'), render: (_: unknown, x) => targetText(x) },
          { title: t('importReview.direction'), render: (_: unknown, x) => t(`direction.${x.direction}`) },
          {
            title: t('importReview.targetDeadline'),
            render: (_: unknown, x) => x.deadlineText ?? x.deadline ?? '',
          },
          {
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, x) =>
              editable ? (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setTarget({
                        original: x,
                        fields: {
                          metric: x.metric,
                          op: x.op,
                          value: x.value,
                          lo: x.lo,
                          hi: x.hi,
                          unit: x.unit,
                          direction: x.direction,
                          deadline: x.deadline,
                        },
                      });
                    }}
                  >
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('common.delete')}
                    onConfirm={() => void run(() => api.deleteTarget(plan.id, x))}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {editable ? (
        <Button
          style={{ marginTop: 8 }}
          icon={<PlusOutlined />}
          onClick={() => {
            setTarget({ original: null, fields: emptyTarget });
          }}
        >
          {t('importReview.addTarget')}
        </Button>
      ) : null}
      <Modal
        open={target !== null}
        title={target?.original ? t('common.edit') : t('importReview.addTarget')}
        onCancel={() => {
          setTarget(null);
        }}
        okButtonProps={{ disabled: !target?.fields.metric.trim() }}
        onOk={() => {
          if (!target) return;
          const fields = target.fields;
          void run(() =>
            target.original
              ? api.updateTarget(plan.id, target.original, fields)
              : api.createTarget(plan.id, item.id, fields),
          ).then(() => {
            setTarget(null);
          });
        }}
      >
        {target ? (
          <TargetForm
            fields={target.fields}
            onChange={(fields) => {
              setTarget({ ...target, fields });
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
