import { CheckOutlined, CloseOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { UnfinishedTaskDto, YearLinkDto, YearLinkList } from '@yaodian/core';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { ApiError } from '../../api/api-error.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

const STATUS_COLOR: Record<YearLinkDto['status'], string> = {
  proposed: 'blue',
  confirmed: 'green',
  rejected: 'default',
};

/**
 * 与上年对照: the server's proposed links from this plan's tasks to last year's, side by side with their
 * score and reasons, confirmed or rejected one by one or all at once; and last year's unfinished tasks,
 * carried into the draft on request. Every figure (score, reasons, baselines) is the server's.
 */
export function YearLinksPanel({
  planId,
  editable,
  draft,
  onPlanChanged,
}: {
  planId: string;
  editable: boolean;
  draft: boolean;
  onPlanChanged: () => void;
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const list = useLoad(() => api.yearLinks({ params: { planId }, query: {} }), [planId]);
  const [previousId, setPreviousId] = useState<string | undefined>(undefined);
  const [carrySelection, setCarrySelection] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const data = list.data;
  const chosen = previousId ?? data?.previousPlan?.id ?? data?.candidates[0]?.id;

  const run = async (write: () => Promise<YearLinkList>, done?: string): Promise<void> => {
    setBusy(true);
    try {
      list.set(await write());
      if (done) void message.success(done);
    } catch (error) {
      void message.error(errorMessage(error, t));
      if (error instanceof ApiError && error.code === 'version_conflict') list.reload();
    } finally {
      setBusy(false);
    }
  };

  const decide = (links: readonly YearLinkDto[], status: 'confirmed' | 'rejected') =>
    run(
      () =>
        api.decideYearLinks({
          params: { planId },
          body: { decisions: links.map((l) => ({ id: l.id, version: l.version, status })) },
        }),
      t('yearLinks.decided', { n: links.length }),
    );

  const proposed = (data?.links ?? []).filter((l) => l.status === 'proposed');

  const carry = async (): Promise<void> => {
    if (!chosen) return;
    setBusy(true);
    try {
      const answer = await api.carryForward({
        params: { planId },
        body: { previousPlanId: chosen, itemIds: carrySelection },
      });
      list.set(answer);
      setCarrySelection([]);
      void message.success(t('yearLinks.carried', { n: answer.carried }));
      onPlanChanged();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const taskCell = (side: YearLinkDto['previous']): ReactNode => (
    <Space orientation="vertical" size={0}>
      <span>{`${side.number} ${side.title}`}</span>
      {side.leadUnits.map((u) => (
        <Tag key={u} color="red" style={{ marginInlineEnd: 0 }}>
          {u}
        </Tag>
      ))}
    </Space>
  );

  return (
    <Card
      className="yd-card"
      size="small"
      data-testid="year-links"
      title={
        <Space>
          <HistoryOutlined />
          {t('yearLinks.title')}
          {data?.previousPlan ? (
            <Typography.Text type="secondary">{data.previousPlan.title}</Typography.Text>
          ) : null}
        </Space>
      }
      extra={
        editable && data && data.candidates.length > 0 ? (
          <Space>
            <Select
              size="small"
              style={{ minWidth: 220 }}
              value={chosen}
              aria-label={t('yearLinks.previousPlan')}
              options={data.candidates.map((p) => ({ value: p.id, label: `${String(p.year)} · ${p.title}` }))}
              onChange={setPreviousId}
            />
            <Button
              size="small"
              loading={busy}
              disabled={!chosen}
              onClick={() => {
                if (chosen)
                  void run(() =>
                    api.proposeYearLinks({ params: { planId }, body: { previousPlanId: chosen } }),
                  );
              }}
            >
              {t('yearLinks.propose')}
            </Button>
            <Button
              size="small"
              icon={<CheckOutlined />}
              disabled={proposed.length === 0}
              onClick={() => void decide(proposed, 'confirmed')}
            >
              {t('yearLinks.confirmAll')}
            </Button>
            <Button
              size="small"
              icon={<CloseOutlined />}
              disabled={proposed.length === 0}
              onClick={() => void decide(proposed, 'rejected')}
            >
              {t('yearLinks.rejectAll')}
            </Button>
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {data && data.candidates.length === 0 ? (
        <Empty description={t('yearLinks.noPrevious')} />
      ) : (
        <Table<YearLinkDto>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={data?.links ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('yearLinks.none') }}
          columns={[
            { title: t('yearLinks.previous'), render: (_: unknown, l) => taskCell(l.previous) },
            { title: t('yearLinks.current'), render: (_: unknown, l) => taskCell(l.current) },
            {
              title: t('yearLinks.metric'),
              render: (_: unknown, l) => (
                <Space orientation="vertical" size={0}>
                  {l.targets.map((x) => (
                    <span key={x.current.targetId}>
                      {t('yearLinks.metricPair', {
                        from: x.previous.metric,
                        fromUnit: x.previous.unit,
                        to: x.current.metric,
                        toUnit: x.current.unit,
                      })}
                      {x.baseline ? (
                        <Tag color="green" style={{ marginInlineStart: 4 }}>
                          {t('yearLinks.baseline', {
                            value: x.baseline.value,
                            period: x.baseline.periodLabel,
                          })}
                        </Tag>
                      ) : null}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('yearLinks.score'),
              width: 80,
              render: (_: unknown, l) => `${String(Math.round(l.score * 100))}%`,
            },
            {
              title: t('yearLinks.reasons'),
              render: (_: unknown, l) =>
                l.origin === 'carried' ? (
                  <Tag color="purple">{t('yearLinks.origin.carried')}</Tag>
                ) : (
                  l.reasons.map((r) => <Tag key={r}>{t(`yearLinks.reason.${r}`)}</Tag>)
                ),
            },
            {
              title: t('yearLinks.status'),
              width: 80,
              render: (_: unknown, l) => (
                <Tag color={STATUS_COLOR[l.status]}>{t(`yearLinks.status.${l.status}`)}</Tag>
              ),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    width: 140,
                    render: (_: unknown, l: YearLinkDto) => (
                      <Space size={4}>
                        {l.status !== 'confirmed' ? (
                          <Button size="small" type="link" onClick={() => void decide([l], 'confirmed')}>
                            {t('yearLinks.confirm')}
                          </Button>
                        ) : null}
                        {l.status !== 'rejected' ? (
                          <Button
                            size="small"
                            type="link"
                            danger
                            onClick={() => void decide([l], 'rejected')}
                          >
                            {t('yearLinks.reject')}
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {data?.previousPlan && (data.unfinished.length > 0 || draft) ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('yearLinks.unfinished')}
          </Typography.Title>
          <Table<UnfinishedTaskDto>
            rowKey="itemId"
            size="small"
            dataSource={data.unfinished}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('yearLinks.noUnfinished') }}
            {...(editable && draft
              ? {
                  rowSelection: {
                    selectedRowKeys: carrySelection,
                    onChange: (keys: React.Key[]) => {
                      setCarrySelection(keys.map(String));
                    },
                  },
                }
              : {})}
            columns={[
              { title: t('yearLinks.previous'), render: (_: unknown, u) => `${u.number} ${u.title}` },
              {
                title: t('yearLinks.lead'),
                render: (_: unknown, u) => u.leadUnits.join(t('yearLinks.listSeparator')),
              },
              { title: t('yearLinks.status'), render: (_: unknown, u) => t(`status.${u.status}`) },
            ]}
          />
          {editable && draft ? (
            <Button
              style={{ marginTop: 8 }}
              type="primary"
              size="small"
              loading={busy}
              disabled={carrySelection.length === 0}
              onClick={() => void carry()}
            >
              {t('yearLinks.carry', { n: carrySelection.length })}
            </Button>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
