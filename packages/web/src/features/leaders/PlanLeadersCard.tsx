import type { PlanLeaders } from '@yaodian/core';
import { App, Card, Select, Table, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

/**
 * 委领导包抓 / 分管 on the plan page: each section's and task's owning leader (a task without one takes its
 * section's) and each unit's 分管 leader; the plan's editors choose them here.
 */
export function PlanLeadersCard({ planId }: { planId: string }): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { allowed } = useAuth();
  const editable = allowed('plan.edit');
  const loaded = useLoad(() => api.planLeaders({ params: { planId } }), [planId]);
  const data: PlanLeaders | undefined = loaded.data;
  const options = [
    { value: '', label: t('leaders.none') },
    ...(data?.leaders ?? []).map((l) => ({ value: l.id, label: l.name })),
  ];
  const nameOf = (id: string | null): string =>
    data?.leaders.find((l) => l.id === id)?.name ?? t('leaders.none');

  const assign = async (what: { itemId: string } | { unitId: string }, value: string): Promise<void> => {
    const body = { leaderId: value === '' ? null : value };
    try {
      loaded.set(
        'itemId' in what
          ? await api.setItemLeader({ params: { planId, itemId: what.itemId }, body })
          : await api.setUnitLeader({ params: { planId, unitId: what.unitId }, body }),
      );
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(errorMessage(e, t));
    }
  };

  const picker = (current: string | null, onPick: (v: string) => void, testId: string): ReactNode =>
    editable ? (
      <Select
        size="small"
        style={{ minWidth: 140 }}
        value={current ?? ''}
        options={options}
        onChange={onPick}
        data-testid={testId}
      />
    ) : (
      nameOf(current)
    );

  return (
    <Card
      className="yd-card"
      style={{ marginTop: 16 }}
      size="small"
      title={t('leaders.title')}
      data-testid="plan-leaders"
    >
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      {data ? (
        <Tabs
          size="small"
          items={[
            {
              key: 'items',
              label: t('leaders.items'),
              children: (
                <Table
                  size="small"
                  rowKey="itemId"
                  pagination={{ pageSize: 10 }}
                  dataSource={data.items}
                  columns={[
                    {
                      title: t('leaders.items'),
                      key: 'title',
                      render: (_: unknown, row) => `${row.number} ${row.title}`,
                    },
                    {
                      title: t('leaders.owner'),
                      key: 'leader',
                      width: 180,
                      render: (_: unknown, row) =>
                        picker(
                          row.leaderId,
                          (v) => void assign({ itemId: row.itemId }, v),
                          `leader-${row.itemId}`,
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'units',
              label: t('leaders.units'),
              children: (
                <Table
                  size="small"
                  rowKey="unitId"
                  pagination={{ pageSize: 10 }}
                  dataSource={data.units}
                  columns={[
                    { title: t('leaders.units'), dataIndex: 'name' },
                    {
                      title: t('leaders.unitLeader'),
                      key: 'leader',
                      width: 180,
                      render: (_: unknown, row) =>
                        picker(
                          row.leaderId,
                          (v) => void assign({ unitId: row.unitId }, v),
                          `unit-leader-${row.unitId}`,
                        ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
