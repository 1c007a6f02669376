import { SUPERVISION_LEVELS, type PlanSupervisionRules, type SupervisionRules } from '@yaodian/core';
import { App, Button, Card, Descriptions, Flex, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { SupervisionTag } from './SupervisionTag.js';

type RuleName = 'overdue' | 'behind' | 'stale' | 'returns' | 'trajectory';
const RULES: readonly {
  name: RuleName;
  field: 'workingDays' | 'points' | 'periods' | 'count' | 'minPoints';
}[] = [
  { name: 'overdue', field: 'workingDays' },
  { name: 'behind', field: 'points' },
  { name: 'stale', field: 'periods' },
  { name: 'returns', field: 'count' },
  { name: 'trajectory', field: 'minPoints' },
];

const numberOf = (rules: SupervisionRules, name: RuleName): number => {
  const rule = rules[name];
  if ('workingDays' in rule) return rule.workingDays;
  if ('points' in rule) return rule.points;
  if ('periods' in rule) return rule.periods;
  if ('count' in rule) return rule.count;
  return rule.minPoints;
};

/** The plan's 督办 rules as the server stores them, its open notices per level, and (for editors) an editor. */
export function PlanSupervisionCard({ planId }: { planId: string }): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { allowed } = useAuth();
  const loaded = useLoad(() => api.planSupervisionRules({ params: { planId } }), [planId]);
  const [draft, setDraft] = useState<SupervisionRules | null>(null);
  const data: PlanSupervisionRules | undefined = loaded.data;
  const rules = draft ?? data?.rules;

  const save = async (): Promise<void> => {
    if (!draft) return;
    try {
      loaded.set(await api.updatePlanSupervisionRules({ params: { planId }, body: draft }));
      setDraft(null);
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(errorMessage(e, t));
    }
  };
  const setRule = (name: RuleName, field: string, value: unknown): void => {
    if (!rules) return;
    setDraft({ ...rules, [name]: { ...rules[name], [field]: value } });
  };

  return (
    <Card
      className="yd-card"
      style={{ marginTop: 16 }}
      size="small"
      title={t('sup.rules.title')}
      data-testid="plan-supervision"
      extra={
        allowed('plan.edit') && data ? (
          draft ? (
            <Space>
              <Button
                size="small"
                onClick={() => {
                  setDraft(null);
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button size="small" type="primary" onClick={() => void save()} data-testid="sup-rules-save">
                {t('common.save')}
              </Button>
            </Space>
          ) : (
            <Button
              size="small"
              onClick={() => {
                setDraft(data.rules);
              }}
              data-testid="sup-rules-edit"
            >
              {t('common.edit')}
            </Button>
          )
        ) : null
      }
    >
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      {data && rules ? (
        <Flex vertical gap={8}>
          <Space>
            {t('sup.openCount')}
            {SUPERVISION_LEVELS.map((level) => (
              <SupervisionTag key={level} level={level} count={data.open[level]} />
            ))}
          </Space>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('sup.rules.enabled')}>
              <Switch
                size="small"
                disabled={!draft}
                checked={rules.enabled}
                onChange={(v) => {
                  if (draft) setDraft({ ...draft, enabled: v });
                }}
                data-testid="sup-rules-enabled"
              />
            </Descriptions.Item>
            {RULES.map(({ name, field }) => (
              <Descriptions.Item key={name} label={t(`sup.rules.${name}`)}>
                <Space>
                  <Switch
                    size="small"
                    disabled={!draft}
                    checked={rules[name].enabled}
                    onChange={(v) => {
                      setRule(name, 'enabled', v);
                    }}
                  />
                  {draft ? (
                    <InputNumber
                      size="small"
                      min={name === 'overdue' ? 0 : name === 'behind' ? 1 : name === 'trajectory' ? 3 : 2}
                      max={100}
                      value={numberOf(rules, name)}
                      onChange={(v) => {
                        if (v !== null) setRule(name, field, v);
                      }}
                    />
                  ) : (
                    <Tag>{numberOf(rules, name)}</Tag>
                  )}
                  {draft ? (
                    <Select
                      size="small"
                      aria-label={t('sup.rules.levelOf')}
                      value={rules[name].level}
                      onChange={(v) => {
                        setRule(name, 'level', v);
                      }}
                      options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: t(`sup.level.${l}`) }))}
                    />
                  ) : (
                    <SupervisionTag level={rules[name].level} />
                  )}
                </Space>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('sup.rules.responseDays')}>
              {draft ? (
                <InputNumber
                  size="small"
                  min={1}
                  max={30}
                  value={rules.responseWorkingDays}
                  onChange={(v) => {
                    if (v !== null) setDraft({ ...draft, responseWorkingDays: v });
                  }}
                />
              ) : (
                rules.responseWorkingDays
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.rules.escalate')}>
              <Switch
                size="small"
                disabled={!draft}
                checked={rules.escalate}
                onChange={(v) => {
                  if (draft) setDraft({ ...draft, escalate: v });
                }}
              />
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      ) : null}
    </Card>
  );
}
