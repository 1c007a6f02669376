import type { PutTargetQuotasRequest, TargetQuotas } from '@yaodian/core';
import { Alert, App, InputNumber, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/api-error.js';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatFigure } from '../../components/figure.js';
import { useT, type Translate } from '../../i18n/i18n.js';

type County = TargetQuotas['counties'][number];
type Mode = 'hand' | 'weights';

/** What the server said, plus the difference it measured when the quotas do not add up to the city's target. */
function saveError(error: unknown, unit: string, t: Translate): string {
  const text = errorMessage(error, t);
  const details =
    error instanceof ApiError ? (error.details as { difference?: unknown } | undefined) : undefined;
  return typeof details?.difference === 'number'
    ? text + t('cascade.quotasOffBy', { difference: `${formatFigure(details.difference)}${unit}` })
    : text;
}

/**
 * 分解: a city target's county quotas, typed by hand (the sum and its difference from the city target shown as
 * they are typed) or split by the server in proportion to a weight such as 常住人口.
 */
export function QuotaModal({
  planId,
  targetId,
  onClose,
  onSaved,
}: {
  planId: string;
  /** The target being split; null: the modal is closed. */
  targetId: string | null;
  onClose: () => void;
  onSaved: () => void;
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const quotas = useLoad(
    () => (targetId ? api.targetQuotas({ params: { planId, targetId } }) : Promise.resolve(null)),
    [planId, targetId],
  );
  const weights = useLoad(() => (targetId ? api.tenantWeights() : Promise.resolve(null)), [targetId]);
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [mode, setMode] = useState<Mode>('hand');
  const [weight, setWeight] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const data = quotas.data ?? null;

  useEffect(() => {
    setValues(Object.fromEntries((data?.counties ?? []).map((c) => [c.tenantId, c.quota])));
    setMode('hand');
    setWeight(null);
    setFailure(null);
  }, [data]);

  const weightNames = [...new Set((weights.data?.weights ?? []).map((w) => w.name))];
  const unit = data?.unit ?? '';
  const typed = Object.values(values).filter((v): v is number => v !== null);
  const sum = typed.reduce((s, v) => s + v, 0);
  const showDifference = data?.method === 'sum' && data.cityValue !== null && typed.length > 0;
  const difference = showDifference && data.cityValue !== null ? sum - data.cityValue : 0;

  const save = async (): Promise<void> => {
    if (!targetId || !data) return;
    const split: PutTargetQuotasRequest['split'] =
      mode === 'weights' && weight
        ? { by: 'weights', weight }
        : {
            by: 'hand',
            quotas: data.counties.flatMap((c) => {
              const value = values[c.tenantId];
              return value === null || value === undefined ? [] : [{ tenantId: c.tenantId, value }];
            }),
          };
    setBusy(true);
    setFailure(null);
    try {
      await api.putTargetQuotas({ params: { planId, targetId }, body: { split } });
      void message.success(t('cascade.quotasSaved'));
      onSaved();
      onClose();
    } catch (error) {
      setFailure(saveError(error, unit, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={targetId !== null}
      width={640}
      title={data ? t('cascade.splitTitle', { metric: data.metric }) : t('cascade.split')}
      okText={t('common.save')}
      okButtonProps={{ loading: busy, disabled: !data || (mode === 'weights' && !weight) }}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={quotas.error} onRetry={quotas.reload} />
      {data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('cascade.cityTargetIs', {
              value: data.cityValue === null ? '—' : `${formatFigure(data.cityValue)}${unit}`,
            })}
          </Typography.Text>
          <Radio.Group
            value={mode}
            onChange={(e) => {
              setMode(e.target.value as Mode);
            }}
            options={[
              { value: 'hand', label: t('cascade.splitByHand') },
              { value: 'weights', label: t('cascade.splitByWeights'), disabled: weightNames.length === 0 },
            ]}
          />
          {mode === 'weights' ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Select<string>
                aria-label={t('cascade.weightName')}
                placeholder={t('cascade.chooseWeight')}
                style={{ width: 240 }}
                value={weight ?? undefined}
                options={weightNames.map((name) => ({ value: name, label: name }))}
                onChange={setWeight}
              />
              <Typography.Text type="secondary">{t('cascade.splitByWeightsExplain')}</Typography.Text>
            </Space>
          ) : null}
          <Table<County>
            rowKey="tenantId"
            size="small"
            pagination={false}
            dataSource={data.counties}
            columns={[
              { title: t('cascade.county'), dataIndex: 'name' },
              {
                title: t('cascade.quota'),
                render: (_: unknown, row) => (
                  <InputNumber<number>
                    aria-label={t('cascade.quotaFor', { name: row.name })}
                    disabled={mode === 'weights'}
                    value={values[row.tenantId] ?? null}
                    suffix={unit || undefined}
                    onChange={(value) => {
                      setValues((v) => ({ ...v, [row.tenantId]: value }));
                    }}
                  />
                ),
              },
            ]}
          />
          {mode === 'hand' ? (
            <Typography.Text type={showDifference && Math.abs(difference) > 1e-9 ? 'danger' : undefined}>
              {t('cascade.quotaSum', { value: `${formatFigure(sum)}${unit}` }) +
                (showDifference
                  ? Math.abs(difference) > 1e-9
                    ? t('cascade.quotaDifference', { value: `${formatFigure(difference)}${unit}` })
                    : t('cascade.quotaMatches')
                  : '')}
            </Typography.Text>
          ) : null}
          {failure ? <Alert type="error" showIcon title={failure} /> : null}
        </Space>
      ) : null}
    </Modal>
  );
}
