import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useT } from '../../i18n/i18n.js';
import { OpenSupervisionBar } from '../supervision/OpenSupervisionBar.js';
import { DashboardView } from './DashboardView.js';

/** The plan's dashboard: the server's summary and attainment, drawn (the page computes no figure). */
export function DashboardPage(): ReactNode {
  const t = useT();
  const { plans, planId, setPlanId } = useCurrentPlan();
  const plan = plans.data?.find((p) => p.id === planId);
  const summary = useLoad(() => (planId ? api.planSummary(planId) : Promise.resolve(null)), [planId]);
  const attainment = useLoad(() => (planId ? api.attainment(planId) : Promise.resolve(null)), [planId]);
  // A summary of another plan (the picker just changed) is never shown as this plan's.
  const current = summary.data?.planId === planId ? summary.data : undefined;
  const targets = attainment.data && current ? attainment.data.targets : undefined;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        sub={plan?.title}
        extra={
          <>
            {plans.data ? <PlanPicker plans={plans.data} value={planId} onChange={setPlanId} /> : null}
            <Button
              icon={<PrinterOutlined />}
              onClick={() => {
                window.print();
              }}
            >
              {t('dashboard.print')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={plans.error ?? summary.error ?? attainment.error} />
      {planId ? <OpenSupervisionBar planId={planId} /> : null}
      {plans.data && plans.data.length === 0 ? (
        <Card className="yd-card">
          <Empty description={t('dashboard.noPlan')} />
        </Card>
      ) : current ? (
        <DashboardView summary={current} targets={targets} />
      ) : summary.error ? null : (
        <Card className="yd-card" data-testid="dashboard-loading">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
    </>
  );
}
