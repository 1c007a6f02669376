import { Alert, Button, Card, Input, Popconfirm, Segmented, Space, Tabs, message } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useT } from '../../i18n/i18n.js';
import { LeaderEvaluationsCard } from './LeaderEvaluationsCard.js';
import { RankingTable } from './RankingTable.js';
import { RulesEditor } from './RulesEditor.js';

/**
 * 年度考核: the ranking of units with every point explained, the rules behind it, the leaders' evaluations,
 * publishing (frozen) and the .xlsx export. Every score is the server's; this page computes nothing.
 */
export function AssessmentPage(): ReactNode {
  const t = useT();
  const { allowed } = useAuth();
  const { plans, planId, setPlanId } = useCurrentPlan();
  const [asOf, setAsOf] = useState<string>('');
  const [view, setView] = useState<'live' | 'published'>('live');
  const [error, setError] = useState<unknown>(null);
  const plan = plans.data?.find((p) => p.id === planId);
  const live = useLoad(
    () =>
      planId ? api.assessment({ params: { planId }, query: asOf ? { asOf } : {} }) : Promise.resolve(null),
    [planId, asOf],
  );
  const published = useLoad(
    () =>
      planId ? api.publishedAssessment({ params: { planId } }).catch(() => null) : Promise.resolve(null),
    [planId],
  );
  const rules = useLoad(
    () => (planId ? api.assessmentRules({ params: { planId } }) : Promise.reject(new Error('no plan'))),
    [planId],
  );
  const shown = view === 'published' && published.data ? published.data : live.data;

  const publish = async (): Promise<void> => {
    if (!planId || !live.data) return;
    try {
      published.set(await api.publishAssessment({ params: { planId }, body: { asOf: live.data.asOf } }));
      setView('published');
      setError(null);
      void message.success(t('assessment.publishedNow'));
    } catch (e) {
      setError(e);
    }
  };

  const exportFile = async (): Promise<void> => {
    if (!planId) return;
    try {
      await api.downloadAssessment(
        planId,
        view === 'published' ? undefined : (live.data?.asOf ?? undefined),
        'assessment.xlsx',
      );
    } catch (e) {
      void message.error(errorMessage(e, t));
    }
  };

  return (
    <>
      <PageHeader
        title={t('assessment.title')}
        sub={plan?.title}
        extra={
          <Space wrap>
            {plans.data ? <PlanPicker plans={plans.data} value={planId} onChange={setPlanId} /> : null}
            <Button onClick={() => void exportFile()} data-testid="assessment-export">
              {t('assessment.export')}
            </Button>
            {allowed('plan.publish') && !published.data ? (
              <Popconfirm title={t('assessment.publishConfirm')} onConfirm={() => void publish()}>
                <Button type="primary" data-testid="assessment-publish">
                  {t('assessment.publish')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />
      <ErrorAlert error={plans.error ?? live.error ?? error} onRetry={live.reload} />
      {published.data ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('assessment.publishedBanner', { asOf: published.data.asOf })}
        />
      ) : null}
      <Tabs
        items={[
          {
            key: 'ranking',
            label: t('assessment.ranking'),
            children: (
              <Card
                className="yd-card"
                title={shown ? t('assessment.asOfTitle', { asOf: shown.asOf }) : t('assessment.ranking')}
                extra={
                  <Space wrap>
                    {published.data ? (
                      <Segmented<'live' | 'published'>
                        size="small"
                        value={view}
                        onChange={setView}
                        options={[
                          { value: 'live', label: t('assessment.live') },
                          { value: 'published', label: t('assessment.published') },
                        ]}
                      />
                    ) : null}
                    {view === 'live' ? (
                      <Input
                        type="date"
                        size="small"
                        value={asOf}
                        onChange={(e) => {
                          setAsOf(e.target.value);
                        }}
                        aria-label={t('assessment.asOf')}
                        data-testid="assessment-asof"
                      />
                    ) : null}
                  </Space>
                }
                loading={live.loading}
              >
                {shown ? <RankingTable assessment={shown} /> : null}
              </Card>
            ),
          },
          {
            key: 'rules',
            label: t('assessment.rules'),
            children: planId ? <RulesEditor planId={planId} rules={rules} onSaved={live.reload} /> : null,
          },
          {
            key: 'evaluations',
            label: t('assessment.evaluations'),
            children:
              planId && live.data ? (
                <LeaderEvaluationsCard planId={planId} units={live.data.units} onSaved={live.reload} />
              ) : null,
          },
        ]}
      />
    </>
  );
}
