import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { UNIT_KINDS, type UnitKind } from '@yaodian/core';
import { useState, type ReactNode } from 'react';
import { api, type PlanDetailDto, type UnitDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useAuth } from '../../auth/auth.js';
import { useT } from '../../i18n/i18n.js';
import { guessKind, splitAliases, suggestUnits } from './unit-suggest.js';

interface Props {
  plan: PlanDetailDto;
  units: UnitDto[];
  editable: boolean;
  onPlan: (plan: PlanDetailDto) => void;
  onUnitsChanged: () => void;
}

/** Printed unit names that matched no org unit: map each to an existing unit (as an alias) or create it. */
export function UnmatchedPanel({ plan, units, editable, onPlan, onUnitsChanged }: Props): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [creating, setCreating] = useState<{ name: string; kind: UnitKind; aliases: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { allowed } = useAuth();
  // The reviewer of the import may create the unit a printed name stands for (the server checks it).
  const canCreate = allowed('plan.edit');

  // Settling a name is one request on the plan: the server changes that name's rows and nothing else.
  const matchTo = async (name: string, unitId: string): Promise<void> => {
    setBusy(name);
    try {
      onPlan(await api.resolveUnmatched(plan, name, unitId));
      onUnitsChanged();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const create = async (): Promise<void> => {
    if (!creating) return;
    setBusy(creating.name);
    try {
      const aliases = splitAliases(creating.aliases);
      onPlan(
        await api.createUnmatchedUnit(plan, { name: creating.name.trim(), kind: creating.kind, aliases }),
      );
      onUnitsChanged();
      setCreating(null);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  if (plan.unmatchedUnits.length === 0) return null;
  return (
    <Card
      className="yd-card"
      size="small"
      title={
        <Space>
          <Typography.Text type="warning">{t('importReview.unmatched')}</Typography.Text>
          <Tag color="orange">{plan.unmatchedUnits.length}</Tag>
        </Space>
      }
      data-testid="unmatched-panel"
    >
      <Typography.Paragraph type="secondary">{t('importReview.unmatchedHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={plan.unmatchedUnits}
        columns={[
          {
            title: t('importReview.unitName'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Space>
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Text type="secondary">{`× ${row.itemIds.length}`}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('importReview.matchTo'),
            render: (_: unknown, row) => {
              const suggested = suggestUnits(row.name, units);
              const rest = units.filter((u) => !suggested.includes(u));
              return (
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={!editable}
                  style={{ minWidth: 220 }}
                  aria-label={`${t('importReview.matchTo')} ${row.name}`}
                  value={choice[row.name] ?? suggested[0]?.id}
                  onChange={(id: string) => {
                    setChoice({ ...choice, [row.name]: id });
                  }}
                  options={[...suggested, ...rest].map((u) => ({
                    value: u.id,
                    label: [u.name, ...u.aliases].join(' / '),
                  }))}
                />
              );
            },
          },
          {
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, row) => {
              const picked = choice[row.name] ?? suggestUnits(row.name, units)[0]?.id;
              return (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    disabled={!editable || !picked}
                    loading={busy === row.name}
                    onClick={() => picked && void matchTo(row.name, picked)}
                  >
                    {t('common.confirm')}
                  </Button>
                  {canCreate ? (
                    <Button
                      size="small"
                      disabled={!editable}
                      onClick={() => {
                        setCreating({ name: row.name, kind: guessKind(row.name), aliases: '' });
                      }}
                    >
                      {t('importReview.createUnit')}
                    </Button>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
      <Modal
        open={creating !== null}
        title={t('importReview.createUnit')}
        onCancel={() => {
          setCreating(null);
        }}
        onOk={() => void create()}
        okButtonProps={{ loading: busy !== null, disabled: !creating?.name.trim() }}
      >
        {creating ? (
          <Form layout="vertical">
            <Form.Item label={t('importReview.unitName')} htmlFor="new-unit-name">
              <Input
                id="new-unit-name"
                value={creating.name}
                onChange={(e) => {
                  setCreating({ ...creating, name: e.target.value });
                }}
              />
            </Form.Item>
            <Form.Item label={t('importReview.unitKind')}>
              <Select
                value={creating.kind}
                onChange={(kind: UnitKind) => {
                  setCreating({ ...creating, kind });
                }}
                options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('importReview.aliases')} htmlFor="new-unit-aliases">
              <Input
                id="new-unit-aliases"
                value={creating.aliases}
                onChange={(e) => {
                  setCreating({ ...creating, aliases: e.target.value });
                }}
              />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </Card>
  );
}
