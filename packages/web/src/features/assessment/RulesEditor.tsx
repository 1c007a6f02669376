import type { AssessmentRules, AssessmentRulesDto } from '@yaodian/core';
import { Button, Card, Descriptions, Form, InputNumber, Select, Space, Table, Tag, message } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { useLoad, type Loaded } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

const POINTS: readonly (keyof AssessmentRules &
  ('baseScore' | 'completionPoints' | 'targetPoints' | 'leaderEvaluationPoints'))[] = [
  'baseScore',
  'completionPoints',
  'targetPoints',
  'leaderEvaluationPoints',
];
const DEDUCTIONS: readonly (keyof AssessmentRules['deductions'])[] = [
  'missingReport',
  'lateReport',
  'noSubstance',
  'supervisionBlue',
  'supervisionYellow',
  'supervisionRed',
];
const label = (key: string): MessageKey => `assessment.rule.${key}` as MessageKey;

/**
 * The plan's scoring rules, shown to everyone (no score without its rules) and edited by the planning office;
 * saving sends the whole rule set at the version read, and the ranking is computed again from it.
 */
export function RulesEditor({
  planId,
  rules,
  onSaved,
}: {
  planId: string;
  rules: Loaded<AssessmentRulesDto>;
  onSaved: () => void;
}): ReactNode {
  const t = useT();
  const { allowed } = useAuth();
  const plan = useLoad(() => api.plan(planId), [planId]);
  const [editing, setEditing] = useState<AssessmentRules | null>(null);
  const [error, setError] = useState<unknown>(null);
  const data = rules.data;
  const itemTitle = (id: string): string => {
    const item = plan.data?.items.find((i) => i.id === id);
    return item ? `${item.number} ${item.title}` : id;
  };

  const save = async (): Promise<void> => {
    if (!editing || !data) return;
    try {
      rules.set(
        await api.saveAssessmentRules({
          params: { planId },
          body: { version: data.version, rules: editing },
        }),
      );
      setEditing(null);
      setError(null);
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  const shown = editing ?? data?.rules;
  const number = (value: number, onChange: (n: number) => void, testId: string): ReactNode =>
    editing ? (
      <InputNumber
        min={0}
        max={1000}
        step={0.5}
        value={value}
        onChange={(n) => {
          onChange(n ?? 0);
        }}
        data-testid={testId}
      />
    ) : (
      value
    );

  return (
    <Card
      className="yd-card"
      title={t('assessment.rules')}
      data-testid="assessment-rules"
      extra={
        <Space>
          {data?.isDefault ? <Tag>{t('assessment.defaultRules')}</Tag> : null}
          {allowed('plan.edit') && data && !editing ? (
            <Button
              size="small"
              onClick={() => {
                setEditing(structuredClone(data.rules));
              }}
              data-testid="rules-edit"
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <ErrorAlert error={rules.error ?? error} onRetry={rules.reload} />
      {shown ? (
        <Form layout="vertical" component={false}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            {POINTS.map((key) => (
              <Descriptions.Item key={key} label={t(label(key))}>
                {number(
                  shown[key],
                  (n) => {
                    setEditing({ ...(editing ?? shown), [key]: n });
                  },
                  `rule-${key}`,
                )}
              </Descriptions.Item>
            ))}
            {DEDUCTIONS.map((key) => (
              <Descriptions.Item key={key} label={t(label(key))}>
                {number(
                  shown.deductions[key],
                  (n) => {
                    const base = editing ?? shown;
                    setEditing({ ...base, deductions: { ...base.deductions, [key]: n } });
                  },
                  `rule-${key}`,
                )}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('assessment.rule.maxDeduction')}>
              {editing ? (
                <InputNumber
                  min={0}
                  max={1000}
                  value={editing.maxDeduction}
                  placeholder={t('assessment.noCap')}
                  onChange={(n) => {
                    setEditing({ ...editing, maxDeduction: n ?? null });
                  }}
                />
              ) : (
                (shown.maxDeduction ?? t('assessment.noCap'))
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.rule.minScore')}>
              {editing ? (
                <InputNumber
                  min={0}
                  max={1000}
                  value={editing.minScore}
                  placeholder={t('assessment.noFloor')}
                  onChange={(n) => {
                    setEditing({ ...editing, minScore: n ?? null });
                  }}
                  data-testid="rule-minScore"
                />
              ) : (
                (shown.minScore ?? t('assessment.noFloor'))
              )}
            </Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey="itemId"
            dataSource={shown.weights}
            locale={{ emptyText: t('assessment.noWeights') }}
            columns={[
              { title: t('assessment.weightItem'), render: (_: unknown, w) => itemTitle(w.itemId) },
              {
                title: t('assessment.weight'),
                width: 140,
                render: (_: unknown, w) =>
                  number(
                    w.weight,
                    (n) => {
                      setEditing({
                        ...shown,
                        weights: shown.weights.map((x) => (x.itemId === w.itemId ? { ...x, weight: n } : x)),
                      });
                    },
                    `weight-${w.itemId}`,
                  ),
              },
            ]}
          />
          {editing ? (
            <Space style={{ marginTop: 12 }} wrap>
              <Select<string>
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('assessment.addWeight')}
                style={{ width: 320 }}
                value={null}
                options={(plan.data?.items ?? [])
                  .filter((i) => !editing.weights.some((w) => w.itemId === i.id))
                  .map((i) => ({ value: i.id, label: `${i.number} ${i.title}` }))}
                onChange={(itemId) => {
                  setEditing({ ...editing, weights: [...editing.weights, { itemId, weight: 1 }] });
                }}
              />
              <Button type="primary" onClick={() => void save()} data-testid="rules-save">
                {t('common.save')}
              </Button>
              <Button
                onClick={() => {
                  setEditing(null);
                }}
              >
                {t('common.cancel')}
              </Button>
            </Space>
          ) : null}
        </Form>
      ) : null}
    </Card>
  );
}
