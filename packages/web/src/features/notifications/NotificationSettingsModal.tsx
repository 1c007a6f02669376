import type { NotificationSettings } from '@yaodian/core';
import { Form, Input, Modal, Switch, message } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n } from '../../i18n/i18n.js';

/** My e-mail address for reminders and whether I want them by e-mail (the bell always shows them). */
export function NotificationSettingsModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}): ReactNode {
  const { t } = useI18n();
  const [form] = Form.useForm<{ email: string; notifyEmail: boolean }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    api.notificationSettings().then(
      (s: NotificationSettings) => {
        form.setFieldsValue({ email: s.email ?? '', notifyEmail: s.notifyEmail });
      },
      (e: unknown) => {
        setError(e);
      },
    );
  }, [open, form]);

  const save = async (): Promise<void> => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const email = values.email.trim();
      await api.updateNotificationSettings({
        body: { email: email === '' ? null : email, notifyEmail: values.notifyEmail },
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('notify.settings')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ email: '', notifyEmail: true }}>
        <Form.Item
          name="email"
          label={t('notify.email')}
          extra={t('notify.emailHelp')}
          rules={[{ type: 'email', message: t('notify.emailInvalid') }, { max: 254 }]}
        >
          <Input autoComplete="email" placeholder="name@example.cn" />
        </Form.Item>
        <Form.Item name="notifyEmail" label={t('notify.byEmail')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
