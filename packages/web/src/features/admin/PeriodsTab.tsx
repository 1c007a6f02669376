import { PERIOD_KINDS, type PeriodKind } from '@yaodian/core';
import { App, Button, InputNumber, Select, Space, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, type PeriodDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useT } from '../../i18n/i18n.js';

export function PeriodsTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { plans, planId, setPlanId } = useCurrentPlan();
  const periods = useLoad(() => (planId ? api.periods(planId) : Promise.resolve([])), [planId]);
  const [kind, setKind] = useState<PeriodKind>('monthly');
  const [dueDay, setDueDay] = useState(25);
  const generate = async (): Promise<void> => {
    if (!planId) return;
    try {
      periods.set(await api.generatePeriods(planId, kind, dueDay));
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };
  return (
    <>
      <ErrorAlert error={periods.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        {plans.data ? <PlanPicker plans={plans.data} value={planId} onChange={setPlanId} /> : null}
        <Select
          value={kind}
          onChange={(k: PeriodKind) => {
            setKind(k);
          }}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periodKind.${k}`) }))}
          aria-label={t('admin.periods')}
        />
        <InputNumber
          min={1}
          max={28}
          value={dueDay}
          onChange={(v) => {
            setDueDay(typeof v === 'number' ? v : 25);
          }}
          prefix={t('admin.dueDay')}
        />
        <Button type="primary" onClick={() => void generate()} disabled={!planId}>
          {t('admin.generate')}
        </Button>
      </Space>
      <Table<PeriodDto>
        rowKey="id"
        size="small"
        loading={periods.loading}
        dataSource={periods.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.periodLabel'), dataIndex: 'label' },
          { title: t('admin.startsOn'), dataIndex: 'startsOn' },
          { title: t('admin.endsOn'), dataIndex: 'endsOn' },
          { title: t('admin.dueOn'), dataIndex: 'dueOn' },
        ]}
      />
    </>
  );
}
