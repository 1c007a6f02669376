import type { InboxEntry } from '@yaodian/core';
import { App, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

type Change = NonNullable<InboxEntry['proposal']>['changes'][number];

const show = (value: string | number | null): string => (value === null ? '—' : String(value));

const TASK_FIELDS: Readonly<Record<string, MessageKey>> = {
  title: 'cascade.field.title',
  text: 'cascade.field.text',
  deadline: 'cascade.field.deadline',
  deadlineText: 'cascade.field.deadlineText',
};
const TARGET_FIELDS: Readonly<Record<string, MessageKey>> = {
  metric: 'cascade.field.metric',
  op: 'cascade.field.op',
  value: 'cascade.field.value',
  lo: 'cascade.field.lo',
  hi: 'cascade.field.hi',
  unit: 'cascade.field.unit',
  deadline: 'cascade.field.deadline',
  deadlineText: 'cascade.field.deadlineText',
  text: 'cascade.field.targetText',
  added: 'cascade.field.added',
  removed: 'cascade.field.removed',
};

/** One proposed change, in words: 任务名称：甲 → 乙; 目标值（新增托位）：300 → 320. */
function ChangeLine({ change }: { change: Change }): ReactNode {
  const t = useT();
  const targetField = change.field.startsWith('target.') ? change.field.slice('target.'.length) : null;
  const key = targetField === null ? TASK_FIELDS[change.field] : TARGET_FIELDS[targetField];
  const name = key ? t(key) : change.field;
  const field =
    targetField === null ? name : t('cascade.change.target', { field: name, metric: change.target ?? '' });
  return (
    <Typography.Text>
      {t('cascade.change', { field, before: show(change.before), after: show(change.after) })}
    </Typography.Text>
  );
}

/**
 * 上级交办: what the city asked of this county — each task with its targets (the county's quota where the city
 * split one) and deadline — and each change the city made since, which the plan's editors accept.
 */
export function InboxPage(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { allowed } = useAuth();
  const inbox = useLoad(() => api.cascadeInbox(), []);
  const entries = inbox.data?.entries ?? [];
  const accept = async (entry: InboxEntry): Promise<void> => {
    if (!entry.proposal) return;
    try {
      inbox.set(
        await api.acceptCascadeChange({
          params: { itemId: entry.itemId },
          body: { fingerprint: entry.proposal.fingerprint },
        }),
      );
      void message.success(t('cascade.acceptedChange'));
    } catch (error) {
      void message.error(errorMessage(error, t));
      inbox.reload();
    }
  };
  return (
    <>
      <PageHeader title={t('cascade.inbox')} sub={t('cascade.inboxExplain')} />
      <ErrorAlert error={inbox.error} onRetry={inbox.reload} />
      <Card>
        <Table<InboxEntry>
          rowKey="itemId"
          size="middle"
          loading={inbox.loading}
          dataSource={entries}
          pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
          locale={{ emptyText: t('cascade.inboxEmpty') }}
          columns={[
            { title: '#', dataIndex: 'number', width: 70 },
            {
              title: t('cascade.task'),
              render: (_: unknown, row) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/plans/${row.planId}/tasks/${row.itemId}`}>{row.asked.title}</Link>
                  <Typography.Text type="secondary">
                    {`${row.city} · ${t(`cascade.origin.${row.origin}`)}`}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('cascade.asked'),
              render: (_: unknown, row) =>
                row.asked.targets.length === 0
                  ? '—'
                  : row.asked.targets.map((x) => (
                      <div
                        key={x.cityTarget}
                      >{`${x.metric} ${x.value === null ? '' : `${String(x.value)}${x.unit}`}`}</div>
                    )),
            },
            {
              title: t('cascade.deadline'),
              width: 120,
              render: (_: unknown, row) => row.asked.deadlineText ?? row.asked.deadline ?? '—',
            },
            {
              title: t('cascade.proposal'),
              render: (_: unknown, row) =>
                row.proposal ? (
                  <Space orientation="vertical">
                    <Tag color="orange">{t('cascade.changed')}</Tag>
                    <List
                      size="small"
                      dataSource={row.proposal.changes}
                      renderItem={(change) => (
                        <List.Item>
                          <ChangeLine change={change} />
                        </List.Item>
                      )}
                    />
                    {allowed('cascade.manage') ? (
                      <Button type="primary" size="small" onClick={() => void accept(row)}>
                        {t('cascade.accept')}
                      </Button>
                    ) : null}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('cascade.upToDate')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
