import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, type UserDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useT } from '../../i18n/i18n.js';

/** An administrator sets a temporary password for a user who forgot theirs; the server's rules apply. */
export function ResetPasswordModal({
  user,
  onClose,
}: {
  user: UserDto | null;
  onClose: () => void;
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = (): void => {
    setPassword('');
    setError(null);
    onClose();
  };
  const save = async (): Promise<void> => {
    if (!user) return;
    setBusy(true);
    try {
      await api.resetPassword(user.id, password);
      void message.success(t('users.resetDone'));
      close();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      onCancel={close}
      onOk={() => void save()}
      okButtonProps={{ loading: busy, disabled: !password }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form layout="vertical" data-testid="reset-password">
        <Form.Item label={t('users.tempPassword')} htmlFor="reset-password">
          <Input.Password
            id="reset-password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
