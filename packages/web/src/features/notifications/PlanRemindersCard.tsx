import type { PlanReminders, ReminderPolicy } from '@yaodian/core';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n } from '../../i18n/i18n.js';

const KIND_COLOR: Record<string, string> = { before: 'blue', due: 'orange', after: 'red' };
const CHANNEL_KEYS = {
  email: 'reminders.channel.email',
  wecom: 'reminders.channel.wecom',
  dingtalk: 'reminders.channel.dingtalk',
} as const;
const STATE_KEYS = {
  pending: 'reminders.msgState.pending',
  sent: 'reminders.msgState.sent',
  failed: 'reminders.msgState.failed',
} as const;
const DAY_CHOICES = [1, 2, 3, 5];
const choices = (current: readonly number[]): number[] =>
  [...new Set([...DAY_CHOICES, ...current])].sort((a, b) => a - b);

/**
 * The plan's reminder rule, stated where the plan is: when reminders go out around each due date (in
 * working days on the national calendar with 调休) and the next ones the server has scheduled.
 */
export function PlanRemindersCard({ planId }: { planId: string }): ReactNode {
  const { t } = useI18n();
  const { allowed } = useAuth();
  const loaded = useLoad(() => api.planReminders({ params: { planId } }), [planId]);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{
    enabled: boolean;
    before: number[];
    onDue: boolean;
    after: number[];
    shiftToWorkday: boolean;
  }>();
  const data: PlanReminders | undefined = loaded.data;

  const save = async (): Promise<void> => {
    const values = await form.validateFields();
    const policy: ReminderPolicy = {
      enabled: values.enabled,
      before: values.before.filter((n) => n > 0),
      onDue: values.onDue,
      after: values.after.filter((n) => n > 0),
      shiftToWorkday: values.shiftToWorkday,
    };
    setSaving(true);
    try {
      loaded.set(await api.updatePlanReminders({ params: { planId }, body: policy }));
      setEditing(false);
      setError(null);
      void message.success(t('common.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const days = (list: readonly number[]): string =>
    list.length === 0 ? t('common.none') : list.map((n) => t('reminders.nDays', { n })).join(t('common.sep'));

  return (
    <Card
      className="yd-card"
      style={{ marginTop: 16 }}
      title={t('reminders.title')}
      size="small"
      data-testid="plan-reminders"
      extra={
        allowed('plan.edit') && data && !editing ? (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({
                ...data.policy,
                before: [...data.policy.before],
                after: [...data.policy.after],
              });
              setEditing(true);
            }}
          >
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      {data && !editing ? (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('reminders.state')}>
              {data.policy.enabled ? (
                <Tag color="green">{t('reminders.on')}</Tag>
              ) : (
                <Tag>{t('reminders.off')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('reminders.before')}>{days(data.policy.before)}</Descriptions.Item>
            <Descriptions.Item label={t('reminders.onDue')}>
              {data.policy.onDue ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('reminders.after')}>{days(data.policy.after)}</Descriptions.Item>
            <Descriptions.Item label={t('reminders.shift')}>
              {data.policy.shiftToWorkday ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reminders.explain')}
          </Typography.Text>
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(r) => `${r.periodId}:${r.kind}:${String(r.offset)}`}
            pagination={false}
            dataSource={data.upcoming}
            locale={{ emptyText: t('reminders.noneUpcoming') }}
            columns={[
              { title: t('reminders.on.date'), dataIndex: 'on', width: 110 },
              {
                title: t('reminders.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (kind: string, r) => (
                  <Tag color={KIND_COLOR[kind]}>
                    {kind === 'due'
                      ? t('reminders.kind.due')
                      : t(kind === 'before' ? 'reminders.kind.before' : 'reminders.kind.after', {
                          n: Math.abs(r.offset),
                        })}
                  </Tag>
                ),
              },
              { title: t('reminders.period'), dataIndex: 'periodLabel' },
              { title: t('reminders.dueOn'), dataIndex: 'dueOn', width: 110 },
            ]}
          />
          {data.messages.length > 0 ? (
            <Space wrap style={{ marginTop: 8 }}>
              {data.messages.map((m) => (
                <Tag key={`${m.channel}:${m.state}`}>
                  {t(CHANNEL_KEYS[m.channel])} · {t(STATE_KEYS[m.state])} {m.count}
                </Tag>
              ))}
            </Space>
          ) : null}
        </>
      ) : null}
      {editing ? (
        <Form form={form} layout="vertical">
          <Form.Item name="enabled" label={t('reminders.state')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Flex gap={24} wrap>
            <Form.Item name="before" label={t('reminders.before')} extra={t('reminders.daysHelp')}>
              <Checkbox.Group
                options={choices(data?.policy.before ?? []).map((n) => ({
                  value: n,
                  label: t('reminders.nDays', { n }),
                }))}
              />
            </Form.Item>
            <Form.Item name="after" label={t('reminders.after')}>
              <Checkbox.Group
                options={choices(data?.policy.after ?? []).map((n) => ({
                  value: n,
                  label: t('reminders.nDays', { n }),
                }))}
              />
            </Form.Item>
          </Flex>
          <Flex gap={24}>
            <Form.Item name="onDue" label={t('reminders.onDue')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="shiftToWorkday" label={t('reminders.shift')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Flex>
          <Space>
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t('common.save')}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
              }}
            >
              {t('common.cancel')}
            </Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}
