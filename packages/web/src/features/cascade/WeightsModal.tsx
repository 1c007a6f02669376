import type { TenantWeights } from '@yaodian/core';
import { Alert, App, AutoComplete, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

type County = TenantWeights['counties'][number];

/**
 * 权重数据: the figures (常住人口 …) the city keeps per child commission, by name; a weighted mean and a split by
 * weights read them on the server. Saving replaces that name's values.
 */
export function WeightsModal({
  open,
  canEdit,
  onClose,
}: {
  open: boolean;
  canEdit: boolean;
  onClose: () => void;
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const weights = useLoad(() => (open ? api.tenantWeights() : Promise.resolve(null)), [open]);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const data = weights.data ?? null;
  const names = [...new Set((data?.weights ?? []).map((w) => w.name))];

  // A chosen name shows what is stored under it; a new name starts empty.
  useEffect(() => {
    const stored = (data?.weights ?? []).filter((w) => w.name === name.trim());
    setValues(Object.fromEntries(stored.map((w) => [w.tenantId, w.value])));
    setFailure(null);
  }, [data, name]);

  useEffect(() => {
    if (data && name === '' && names[0]) setName(names[0]);
    // Only the first answer picks a name; the user's choice is kept after that.
  }, [data]);

  const save = async (): Promise<void> => {
    if (!data) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await api.putTenantWeights({
        body: {
          name,
          values: data.counties.flatMap((c) => {
            const value = values[c.tenantId];
            return value === null || value === undefined ? [] : [{ tenantId: c.tenantId, value }];
          }),
        },
      });
      weights.set(saved);
      void message.success(t('cascade.weightsSaved', { name: name.trim() }));
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={560}
      title={t('cascade.weights')}
      okText={t('common.save')}
      okButtonProps={{ loading: busy, disabled: !data || name.trim() === '' }}
      footer={canEdit ? undefined : null}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={weights.error} onRetry={weights.reload} />
      {data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('cascade.weightsExplain')}</Typography.Text>
          <AutoComplete
            aria-label={t('cascade.weightName')}
            placeholder={t('cascade.weightNamePlaceholder')}
            style={{ width: 240 }}
            value={name}
            options={names.map((n) => ({ value: n }))}
            onChange={(value: string) => {
              setName(value);
            }}
          />
          <Table<County>
            rowKey="tenantId"
            size="small"
            pagination={false}
            dataSource={data.counties}
            columns={[
              { title: t('cascade.county'), dataIndex: 'name' },
              {
                title: name.trim() || t('cascade.weightValue'),
                render: (_: unknown, row) => (
                  <InputNumber<number>
                    aria-label={t('cascade.weightFor', { name: row.name })}
                    min={0}
                    disabled={!canEdit}
                    value={values[row.tenantId] ?? null}
                    onChange={(value) => {
                      setValues((v) => ({ ...v, [row.tenantId]: value }));
                    }}
                  />
                ),
              },
            ]}
          />
          {failure ? <Alert type="error" showIcon title={failure} /> : null}
        </Space>
      ) : null}
    </Modal>
  );
}
