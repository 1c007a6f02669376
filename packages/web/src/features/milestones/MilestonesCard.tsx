import type { MilestoneDto, MilestoneTemplateDto } from '@yaodian/core';
import { Button, Card, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

interface Draft {
  id?: string;
  name: string;
  plannedOn: string;
  note: string;
}

const toDrafts = (list: readonly MilestoneDto[]): Draft[] =>
  list.map((m) => ({ id: m.id, name: m.name, plannedOn: m.plannedOn, note: m.note }));

/** The milestone's state as the server decided it (missed by its clock, confirmed by a reviewer). */
function MilestoneState({ m }: { m: MilestoneDto }): ReactNode {
  const t = useT();
  if (m.missed && m.actualOn === null) return <Tag color="red">{t('milestones.missed')}</Tag>;
  if (m.actualOn !== null && m.confirmed) return <Tag color="green">{t('milestones.reached')}</Tag>;
  if (m.actualOn !== null) return <Tag color="blue">{t('milestones.awaiting')}</Tag>;
  if (m.missed) return <Tag color="red">{t('milestones.missed')}</Tag>;
  return <Tag>{t('milestones.planned')}</Tag>;
}

/**
 * A task's milestones: the planning office sets the list (from a template) and planned dates; the lead unit's
 * reporter records when one was reached; a reviewer confirms it, after which it counts for the task's status.
 */
export function MilestonesCard({
  taskId,
  leadUnitIds,
  onChanged,
}: {
  taskId: string;
  leadUnitIds: readonly string[];
  onChanged: () => void;
}): ReactNode {
  const t = useT();
  const { allowed, user } = useAuth();
  const loaded = useLoad(() => api.taskMilestones({ params: { id: taskId } }), [taskId]);
  const templates = useLoad(() => api.milestoneTemplates(), []);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [dates, setDates] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const list = loaded.data?.milestones ?? [];
  const canEdit = allowed('plan.edit');
  const canConfirm = allowed('report.review');
  const canRecord = allowed('report.write') && leadUnitIds.some((id) => user?.unitIds.includes(id) === true);

  const run = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
      setError(null);
      void message.success(t('common.saved'));
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  const saveList = (): Promise<void> =>
    run(async () => {
      const body = {
        milestones: (drafts ?? []).map((d) => ({ ...(d.id ? { id: d.id } : {}), ...d })),
      };
      loaded.set(await api.saveTaskMilestones({ params: { id: taskId }, body }));
      setDrafts(null);
    });

  const setActual = (m: MilestoneDto, confirm: boolean): Promise<void> =>
    run(async () => {
      const actualOn = dates[m.id] ?? m.actualOn;
      const body = { version: m.version, actualOn: actualOn === '' ? null : (actualOn ?? null) };
      const { milestone } = confirm
        ? await api.confirmMilestone({ params: { id: m.id }, body })
        : await api.recordMilestone({ params: { id: m.id }, body });
      loaded.set({ milestones: list.map((x) => (x.id === milestone.id ? milestone : x)) });
    });

  const addTemplate = (template: MilestoneTemplateDto): void => {
    const current = drafts ?? toDrafts(list);
    const extra = template.steps.length > 0 ? template.steps : [t('milestones.newStep')];
    setDrafts([...current, ...extra.map((name) => ({ name, plannedOn: '', note: '' }))]);
  };

  const edit = (i: number, patch: Partial<Draft>): void => {
    setDrafts((d) => (d ?? []).map((x, j) => (j === i ? { ...x, ...patch } : x)));
  };

  return (
    <Card
      className="yd-card"
      title={t('milestones.title')}
      data-testid="task-milestones"
      extra={
        canEdit && drafts === null ? (
          <Space>
            <Select<string>
              size="small"
              placeholder={t('milestones.fromTemplate')}
              style={{ width: 160 }}
              value={null}
              options={(templates.data?.templates ?? []).map((x) => ({ value: x.key, label: x.name }))}
              onChange={(key) => {
                const template = templates.data?.templates.find((x) => x.key === key);
                if (template) addTemplate(template);
              }}
              data-testid="milestone-template"
            />
            <Button
              size="small"
              onClick={() => {
                setDrafts(toDrafts(list));
              }}
            >
              {t('common.edit')}
            </Button>
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      {drafts !== null ? (
        <>
          <Table<Draft & { index: number }>
            size="small"
            pagination={false}
            rowKey="index"
            dataSource={drafts.map((d, index) => ({ ...d, index }))}
            columns={[
              {
                title: t('milestones.name'),
                render: (_: unknown, d) => (
                  <Input
                    value={d.name}
                    onChange={(e) => {
                      edit(d.index, { name: e.target.value });
                    }}
                  />
                ),
              },
              {
                title: t('milestones.plannedOn'),
                width: 170,
                render: (_: unknown, d) => (
                  <Input
                    type="date"
                    value={d.plannedOn}
                    onChange={(e) => {
                      edit(d.index, { plannedOn: e.target.value });
                    }}
                    data-testid="milestone-planned"
                  />
                ),
              },
              {
                title: t('common.actions'),
                width: 80,
                render: (_: unknown, d) => (
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setDrafts(drafts.filter((_x, j) => j !== d.index));
                    }}
                  >
                    {t('common.delete')}
                  </Button>
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button
              type="primary"
              onClick={() => void saveList()}
              disabled={drafts.some((d) => d.name.trim() === '' || d.plannedOn === '')}
              data-testid="milestones-save"
            >
              {t('common.save')}
            </Button>
            <Button
              onClick={() => {
                setDrafts(null);
              }}
            >
              {t('common.cancel')}
            </Button>
          </Space>
        </>
      ) : (
        <Table<MilestoneDto>
          size="small"
          pagination={false}
          rowKey="id"
          loading={loaded.loading}
          dataSource={list}
          locale={{ emptyText: t('milestones.none') }}
          columns={[
            { title: t('milestones.name'), dataIndex: 'name' },
            { title: t('milestones.plannedOn'), dataIndex: 'plannedOn', width: 110 },
            {
              title: t('milestones.actualOn'),
              width: 170,
              render: (_: unknown, m) =>
                canRecord || canConfirm ? (
                  <Input
                    type="date"
                    size="small"
                    value={dates[m.id] ?? m.actualOn ?? ''}
                    onChange={(e) => {
                      setDates({ ...dates, [m.id]: e.target.value });
                    }}
                  />
                ) : (
                  (m.actualOn ?? '')
                ),
            },
            { title: t('milestones.state'), width: 100, render: (_: unknown, m) => <MilestoneState m={m} /> },
            {
              title: t('common.actions'),
              width: 150,
              render: (_: unknown, m) => (
                <Space size="small">
                  {canRecord ? (
                    <Button size="small" onClick={() => void setActual(m, false)}>
                      {t('milestones.record')}
                    </Button>
                  ) : null}
                  {canConfirm ? (
                    <Button size="small" type="primary" onClick={() => void setActual(m, true)}>
                      {t('milestones.confirm')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('milestones.explain')}
      </Typography.Text>
    </Card>
  );
}
