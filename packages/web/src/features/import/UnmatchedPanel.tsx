import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { UNIT_KINDS, type UnitKind } from '@yaodian/core';
import { useState, type ReactNode } from 'react';
import { api, type PlanDetailDto, type UnitDto } from '../../api/endpoints.js';
import { ApiError } from '../../api/api-error.js';
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
  // Creating org units is the administrator's right; planners map names to existing units.
  const canCreate = allowed('unit.manage');

  const matchTo = async (name: string, unitId: string): Promise<void> => {
    const unit = units.find((u) => u.id === unitId);
    if (!unit) return;
    setBusy(name);
    try {
      try {
        await api.updateUnit(unit.id, { aliases: [...new Set([...unit.aliases, name])] });
        onUnitsChanged();
        onPlan(await api.rematch(plan.id));
      } catch (error) {
        // Without unit editing on the server, assign the unit on each item that printed the name.
        if (!(error instanceof ApiError) || (error.code !== 'not_found' && error.code !== 'forbidden'))
          throw error;
        let current = plan;
        const itemIds = current.unmatchedUnits.find((u) => u.name === name)?.itemIds ?? [];
        for (const itemId of itemIds) {
          const item = current.items.find((i) => i.id === itemId);
          if (!item) continue;
          const role = item.unmatchedUnits.find((u) => u.name === name)?.role ?? 'unit';
          const own = item.assignments
            .filter((a) => !a.inherited)
            .map((a) => ({ unitId: a.unitId, role: a.role }));
          current = await api.setAssignments(plan.id, item, [
            ...own.filter((a) => a.unitId !== unit.id),
            { unitId: unit.id, role },
          ]);
        }
        onPlan(current);
      }
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
      await api.createUnit(creating.name.trim(), creating.kind, aliases);
      onUnitsChanged();
      onPlan(await api.rematch(plan.id));
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
