import type { CascadePreview, CascadeRollup, RollupMethod } from '@yaodian/core';
import { App, Button, Card, Empty, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { formatFigure } from '../../components/figure.js';
import { QuotaModal } from './QuotaModal.js';
import { WeightsModal } from './WeightsModal.js';

type TargetRow = CascadeRollup['targets'][number];
type TaskRow = CascadeRollup['tasks'][number];
type Cell = TargetRow['cells'][number];
type ReportState = NonNullable<Cell['latestState']>;

const METHOD_COLOR: Record<RollupMethod, string> = { sum: 'blue', weighted_mean: 'purple', min: 'orange' };
const STATE_COLOR: Record<ReportState, string> = {
  accepted: 'green',
  submitted: 'gold',
  returned: 'red',
  draft: 'default',
};

/** One county's figure: the accepted value (the only one that counts), else the state of its latest report. */
function CellValue({ cell, unit }: { cell: Cell; unit: string }): ReactNode {
  const t = useT();
  if (cell.value !== null)
    return (
      <Space size={4} orientation="vertical">
        <Typography.Text
          type={cell.met === false ? 'danger' : undefined}
        >{`${formatFigure(cell.value)}${unit}`}</Typography.Text>
        {cell.quota !== null ? (
          <Typography.Text type="secondary">
            {t('cascade.quotaOf', { value: `${formatFigure(cell.quota)}${unit}` })}
          </Typography.Text>
        ) : null}
      </Space>
    );
  return cell.latestState && cell.latestState !== 'accepted' ? (
    <Tag color={STATE_COLOR[cell.latestState]}>{t(`cascade.state.${cell.latestState}`)}</Tag>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

/** 下发区县: the preview of which tasks go to which counties, pushed on confirmation (idempotent). */
function PushModal({
  planId,
  open,
  onClose,
  onPushed,
}: {
  planId: string;
  open: boolean;
  onClose: () => void;
  onPushed: () => void;
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const preview = useLoad(
    () => (open ? api.cascadePreview({ params: { planId } }) : Promise.resolve(null)),
    [planId, open],
  );
  const [busy, setBusy] = useState(false);
  const tasks: CascadePreview['tasks'] = preview.data?.tasks ?? [];
  const push = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await api.pushCascade({ params: { planId }, body: {} });
      const created = result.counties.reduce((s, c) => s + c.created, 0);
      void message.success(t('cascade.pushed', { counties: result.counties.length, tasks: created }));
      onPushed();
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      width={820}
      title={t('cascade.push')}
      okText={t('cascade.confirmPush')}
      okButtonProps={{ disabled: tasks.length === 0, loading: busy }}
      onOk={() => void push()}
      onCancel={onClose}
    >
      <ErrorAlert error={preview.error} onRetry={preview.reload} />
      <Typography.Paragraph type="secondary">{t('cascade.pushExplain')}</Typography.Paragraph>
      <Table<CascadePreview['tasks'][number]>
        rowKey="itemId"
        size="small"
        loading={preview.loading}
        dataSource={tasks}
        pagination={false}
        locale={{ emptyText: t('cascade.nothingToPush') }}
        columns={[
          { title: '#', dataIndex: 'number', width: 70 },
          { title: t('cascade.task'), dataIndex: 'title' },
          {
            title: t('cascade.via'),
            width: 110,
            render: (_: unknown, row) => t(`cascade.via.${row.via}`),
          },
          {
            title: t('cascade.counties'),
            render: (_: unknown, row) =>
              row.counties.map((c) => (
                <Tag key={c.tenantId} color={c.pushed ? 'default' : 'blue'}>
                  {c.pushed ? t('cascade.alreadyPushed', { name: c.name }) : c.name}
                </Tag>
              )),
          },
        ]}
      />
    </Modal>
  );
}

/**
 * 区县汇总 on a city plan: each target's figure rolled up from the counties' accepted values (with its method),
 * the county × task matrix and the county ranking — all computed by the server; the editors push tasks down.
 */
export function CascadeCard({ planId }: { planId: string }): ReactNode {
  const t = useT();
  const { allowed } = useAuth();
  const rollup = useLoad(() => api.cascadeRollup({ params: { planId } }), [planId]);
  const [pushing, setPushing] = useState(false);
  const [splitting, setSplitting] = useState<string | null>(null);
  const [weighing, setWeighing] = useState(false);
  const canManage = allowed('cascade.manage');
  const data = rollup.data;
  if (!data || data.counties.length === 0)
    return rollup.error ? <ErrorAlert error={rollup.error} onRetry={rollup.reload} /> : null;
  const countyColumns = <R extends { cells: { tenantId: string }[] }>(
    render: (cell: R['cells'][number], row: R) => ReactNode,
  ) =>
    data.counties.map((county) => ({
      title: county.name,
      key: county.tenantId,
      render: (_: unknown, row: R) => {
        const cell = row.cells.find((c) => c.tenantId === county.tenantId);
        return cell ? render(cell, row) : '—';
      },
    }));
  return (
    <Card
      title={t('cascade.title')}
      extra={
        <Space>
          <Button
            onClick={() => {
              setWeighing(true);
            }}
          >
            {t('cascade.weights')}
          </Button>
          {canManage ? (
            <Button
              type="primary"
              onClick={() => {
                setPushing(true);
              }}
            >
              {t('cascade.push')}
            </Button>
          ) : null}
        </Space>
      }
      loading={rollup.loading}
    >
      <Tabs
        items={[
          {
            key: 'targets',
            label: t('cascade.targets'),
            children:
              data.targets.length === 0 ? (
                <Empty description={t('cascade.nothingPushed')} />
              ) : (
                <Table<TargetRow>
                  rowKey="targetId"
                  size="small"
                  scroll={{ x: true }}
                  pagination={false}
                  dataSource={data.targets}
                  columns={[
                    { title: t('cascade.metric'), dataIndex: 'metric', fixed: 'left' },
                    {
                      title: t('cascade.cityTarget'),
                      render: (_: unknown, row) =>
                        row.cityValue === null ? '—' : `${formatFigure(row.cityValue)}${row.unit}`,
                    },
                    {
                      title: t('cascade.method'),
                      render: (_: unknown, row) => (
                        <Tag color={METHOD_COLOR[row.method]}>
                          {t(`cascade.method.${row.method}`)}
                          {row.weight ? t('cascade.byWeight', { weight: row.weight }) : ''}
                        </Tag>
                      ),
                    },
                    {
                      title: t('cascade.rolledUp'),
                      render: (_: unknown, row) => (
                        <Space orientation="vertical" size={0}>
                          <Typography.Text strong>
                            {row.rolledUp === null ? '—' : `${formatFigure(row.rolledUp)}${row.unit}`}
                          </Typography.Text>
                          <Typography.Text type="secondary">
                            {t('cascade.counted', { n: row.counted, total: data.counties.length })}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                    ...countyColumns<TargetRow>((cell, row) => <CellValue cell={cell} unit={row.unit} />),
                    ...(canManage
                      ? [
                          {
                            title: t('common.actions'),
                            key: 'actions',
                            fixed: 'right' as const,
                            render: (_: unknown, row: TargetRow) => (
                              <Button
                                type="link"
                                size="small"
                                aria-label={t('cascade.splitTitle', { metric: row.metric })}
                                onClick={() => {
                                  setSplitting(row.targetId);
                                }}
                              >
                                {t('cascade.split')}
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ),
          },
          {
            key: 'matrix',
            label: t('cascade.matrix'),
            children: (
              <Table<TaskRow>
                rowKey="itemId"
                size="small"
                scroll={{ x: true }}
                pagination={false}
                dataSource={data.tasks}
                locale={{ emptyText: t('cascade.nothingPushed') }}
                columns={[
                  { title: '#', dataIndex: 'number', width: 70 },
                  { title: t('cascade.task'), dataIndex: 'title' },
                  ...countyColumns<TaskRow>((cell) => {
                    const c = cell;
                    if (c.itemId === null)
                      return <Typography.Text type="secondary">{t('cascade.notPushed')}</Typography.Text>;
                    if (c.percent !== null) return `${formatFigure(c.percent)}%`;
                    return c.latestState ? (
                      <Tag color={STATE_COLOR[c.latestState]}>{t(`cascade.state.${c.latestState}`)}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('cascade.noReport')}</Typography.Text>
                    );
                  }),
                ]}
              />
            ),
          },
          {
            key: 'ranking',
            label: t('cascade.ranking'),
            children: (
              <Table<CascadeRollup['ranking'][number]>
                rowKey="tenantId"
                size="small"
                pagination={false}
                dataSource={data.ranking}
                columns={[
                  { title: t('cascade.rank'), dataIndex: 'rank', width: 70 },
                  { title: t('cascade.county'), dataIndex: 'name' },
                  {
                    title: t('cascade.met'),
                    render: (_: unknown, row) => t('cascade.metOf', { met: row.met, total: row.total }),
                  },
                  { title: t('cascade.measured'), dataIndex: 'measured' },
                  {
                    title: t('cascade.meanPercent'),
                    render: (_: unknown, row) =>
                      row.meanPercent === null ? '—' : `${formatFigure(row.meanPercent)}%`,
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('cascade.acceptedOnly')}</Typography.Text>
      <PushModal
        planId={planId}
        open={pushing}
        onClose={() => {
          setPushing(false);
        }}
        onPushed={rollup.reload}
      />
      <QuotaModal
        planId={planId}
        targetId={splitting}
        onClose={() => {
          setSplitting(null);
        }}
        onSaved={rollup.reload}
      />
      <WeightsModal
        open={weighing}
        canEdit={canManage}
        onClose={() => {
          setWeighing(false);
        }}
      />
    </Card>
  );
}
