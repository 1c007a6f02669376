import { PASSWORD_POLICY_BOUNDS, type PasswordPolicy } from '@yaodian/core';
import { Alert, App, Button, Form, InputNumber, Switch, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

type NumberField = keyof typeof PASSWORD_POLICY_BOUNDS;

const NUMBER_FIELDS: readonly { key: NumberField; label: MessageKey }[] = [
  { key: 'minLength', label: 'security.minLength' },
  { key: 'minClasses', label: 'security.minClasses' },
  { key: 'history', label: 'security.history' },
  { key: 'expiryDays', label: 'security.expiryDays' },
  { key: 'idleMinutes', label: 'security.idleMinutes' },
  { key: 'absoluteHours', label: 'security.absoluteHours' },
];

/**
 * 管理 → 安全策略: the security administrator's password and session policy. The bounds (never below 等保
 * level 3) come from the shared contract; the server checks them again and says which field broke which limit.
 */
export function SecurityPolicyTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const [policy, setPolicy] = useState<PasswordPolicy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.passwordPolicy().then(setPolicy, (caught: unknown) => {
      setError(errorMessage(caught, t));
    });
  }, [t]);

  if (!policy) return error ? <Alert type="error" showIcon title={error} /> : null;
  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      setPolicy(
        await api.setPasswordPolicy({
          body: {
            minLength: policy.minLength,
            minClasses: policy.minClasses,
            history: policy.history,
            expiryDays: policy.expiryDays,
            forceChangeAfterReset: policy.forceChangeAfterReset,
            idleMinutes: policy.idleMinutes,
            absoluteHours: policy.absoluteHours,
            version: policy.version,
          },
        }),
      );
      setError(null);
      void message.success(t('security.saved'));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" style={{ maxWidth: 480 }} data-testid="security-policy">
      <Typography.Paragraph type="secondary">{t('security.intro')}</Typography.Paragraph>
      {NUMBER_FIELDS.map(({ key, label }) => (
        <Form.Item
          key={key}
          label={t(label)}
          htmlFor={`policy-${key}`}
          extra={t('security.range', {
            min: PASSWORD_POLICY_BOUNDS[key].min,
            max: PASSWORD_POLICY_BOUNDS[key].max,
          })}
        >
          <InputNumber
            id={`policy-${key}`}
            min={PASSWORD_POLICY_BOUNDS[key].min}
            max={PASSWORD_POLICY_BOUNDS[key].max}
            precision={0}
            value={policy[key]}
            onChange={(value) => {
              if (value !== null) setPolicy({ ...policy, [key]: value });
            }}
          />
        </Form.Item>
      ))}
      <Form.Item label={t('security.forceChangeAfterReset')} htmlFor="policy-force">
        <Switch
          id="policy-force"
          checked={policy.forceChangeAfterReset}
          onChange={(checked) => {
            setPolicy({ ...policy, forceChangeAfterReset: checked });
          }}
        />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" loading={busy} onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
