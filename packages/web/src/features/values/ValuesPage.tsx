import type { BulkPreview } from '@yaodian/core';
import { App, Button, Card, Select, Space, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useT } from '../../i18n/i18n.js';
import { ValuesPreview } from './ValuesPreview.js';

/** 批量填报: the period's template, an upload previewed row by row, then written all at once or not at all. */
export function ValuesPage(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { plans, planId, setPlanId } = useCurrentPlan();
  const periods = useLoad(() => (planId ? api.periods(planId) : Promise.resolve([])), [planId]);
  const [periodId, setPeriodId] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = planId !== undefined && periodId !== undefined;

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  const check = (chosen: File): Promise<void> =>
    run(async () => {
      if (!planId || !periodId) return;
      setFile(chosen);
      setPreview(await api.previewValues(planId, periodId, chosen));
    });
  const confirm = (): Promise<void> =>
    run(async () => {
      if (!planId || !periodId || !file) return;
      const result = await api.uploadValues(planId, periodId, file);
      void message.success(
        result.created > 0
          ? t('values.done', { created: result.created, values: result.values })
          : t('values.replayed'),
      );
      setPreview(null);
      setFile(null);
    });

  return (
    <>
      <PageHeader title={t('values.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('values.intro')}</Typography.Paragraph>
        <ErrorAlert error={periods.error} />
        <Space wrap style={{ marginBottom: 16 }}>
          {plans.data ? <PlanPicker plans={plans.data} value={planId} onChange={setPlanId} /> : null}
          <Select
            aria-label={t('values.period')}
            placeholder={t('values.period')}
            style={{ minWidth: 160 }}
            value={periodId}
            onChange={(id: string) => {
              setPeriodId(id);
              setPreview(null);
            }}
            options={(periods.data ?? []).map((p) => ({ value: p.id, label: p.label }))}
          />
          <Button
            disabled={!ready}
            onClick={() =>
              void run(() =>
                planId && periodId
                  ? api.downloadValuesTemplate(planId, periodId, 'values.xlsx')
                  : Promise.resolve(),
              )
            }
          >
            {t('values.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            disabled={!ready}
            beforeUpload={(chosen) => {
              void check(chosen);
              return false;
            }}
          >
            <Button type="primary" disabled={!ready} loading={busy && !preview}>
              {t('values.choose')}
            </Button>
          </Upload>
        </Space>
        {preview ? <ValuesPreview preview={preview} busy={busy} onConfirm={() => void confirm()} /> : null}
      </Card>
    </>
  );
}
