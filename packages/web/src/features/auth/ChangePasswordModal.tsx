import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useMe } from '../../auth/auth.js';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useT } from '../../i18n/i18n.js';

interface Fields {
  current: string;
  next: string;
  confirm: string;
}

const EMPTY: Fields = { current: '', next: '', confirm: '' };

/**
 * The signed-in user changes their own password. The rules (length, complexity, history) are the server's:
 * its message is shown as it comes; only "the two entries differ" is checked here, as it never reaches it.
 */
export function ChangePasswordModal({
  open,
  onClose,
  forced = null,
}: {
  open: boolean;
  onClose: () => void;
  /** The server requires the change ('reset' or 'expired'): the dialog cannot be dismissed. */
  forced?: 'reset' | 'expired' | null;
}): ReactNode {
  const t = useT();
  const { passwordRules } = useMe();
  const { message } = App.useApp();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = (): void => {
    setFields(EMPTY);
    setError(null);
    onClose();
  };
  const save = async (): Promise<void> => {
    if (fields.next !== fields.confirm) {
      setError(t('password.mismatch'));
      return;
    }
    setBusy(true);
    try {
      await api.changePassword(fields.current, fields.next);
      void message.success(t('password.changed'));
      close();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const field = (key: keyof Fields, label: string, autoComplete: string): ReactNode => (
    <Form.Item label={label} htmlFor={`password-${key}`}>
      <Input.Password
        id={`password-${key}`}
        autoComplete={autoComplete}
        value={fields[key]}
        onChange={(e) => {
          setFields({ ...fields, [key]: e.target.value });
          setError(null);
        }}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={forced ? undefined : close}
      closable={!forced}
      mask={{ closable: !forced }}
      cancelButtonProps={forced ? { style: { display: 'none' } } : {}}
      onOk={() => void save()}
      okButtonProps={{ loading: busy, disabled: !fields.current || !fields.next || !fields.confirm }}
      destroyOnHidden
    >
      {forced ? (
        <Alert
          type="warning"
          showIcon
          title={t(forced === 'reset' ? 'password.forced.reset' : 'password.forced.expired')}
          style={{ marginBottom: 16 }}
          data-testid="password-forced"
        />
      ) : null}
      <Typography.Paragraph type="secondary" data-testid="password-rules">
        {t('password.rules', passwordRules)}
      </Typography.Paragraph>
      <Form layout="vertical" data-testid="change-password">
        {field('current', t('password.current'), 'current-password')}
        {field('next', t('password.new'), 'new-password')}
        {field('confirm', t('password.confirm'), 'new-password')}
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="password-error" /> : null}
    </Modal>
  );
}
