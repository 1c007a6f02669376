import type { AssessmentUnitScore } from '@yaodian/core';
import { Button, Card, InputNumber, Table, message } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

/** 领导评价: each leader scores the assessed units (0–100); everyone sees the scores entered so far. */
export function LeaderEvaluationsCard({
  planId,
  units,
  onSaved,
}: {
  planId: string;
  units: readonly AssessmentUnitScore[];
  onSaved: () => void;
}): ReactNode {
  const t = useT();
  const { allowed, user } = useAuth();
  const evaluations = useLoad(() => api.leaderEvaluations({ params: { planId } }), [planId]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);
  const canEvaluate = allowed('assessment.evaluate');
  const mine = (unitId: string) =>
    evaluations.data?.evaluations.find((e) => e.unitId === unitId && e.evaluatorId === user?.id);
  const all = (unitId: string) => evaluations.data?.evaluations.filter((e) => e.unitId === unitId) ?? [];

  const save = async (unitId: string): Promise<void> => {
    const score = scores[unitId] ?? mine(unitId)?.score;
    if (score === undefined) return;
    try {
      await api.saveLeaderEvaluation({ params: { planId, unitId }, body: { score } });
      evaluations.reload();
      setError(null);
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card className="yd-card" title={t('assessment.evaluations')} data-testid="assessment-evaluations">
      <ErrorAlert error={evaluations.error ?? error} onRetry={evaluations.reload} />
      <Table<AssessmentUnitScore>
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={[...units]}
        columns={[
          { title: t('assessment.unit'), dataIndex: 'unitName' },
          {
            title: t('assessment.evaluationsGiven'),
            render: (_: unknown, u) =>
              all(u.unitId)
                .map((e) => `${e.evaluatorName} ${String(e.score)}`)
                .join(t('common.sep')) || t('common.none'),
          },
          ...(canEvaluate
            ? [
                {
                  title: t('assessment.myEvaluation'),
                  width: 220,
                  render: (_: unknown, u: AssessmentUnitScore) => (
                    <span>
                      <InputNumber
                        min={0}
                        max={100}
                        size="small"
                        value={scores[u.unitId] ?? mine(u.unitId)?.score ?? null}
                        onChange={(n) => {
                          setScores({ ...scores, [u.unitId]: n ?? 0 });
                        }}
                      />{' '}
                      <Button size="small" onClick={() => void save(u.unitId)}>
                        {t('common.save')}
                      </Button>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
