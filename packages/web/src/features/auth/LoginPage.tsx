import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/error-message.js';
import { safeNext, useAuth } from '../../auth/auth.js';
import { useI18n } from '../../i18n/i18n.js';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage(): ReactNode {
  const { t, lang, setLang } = useI18n();
  const { user, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (user) return <Navigate to={next} replace />;

  const submit = async (values: LoginForm): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      void navigate(next, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="yd-login">
      <div className="yd-login-banner">
        <Typography.Title level={2} style={{ color: '#fff', marginBottom: 8 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16 }}>
          {t('app.tagline')}
        </Typography.Text>
      </div>
      <Card
        className="yd-login-card"
        title={t('login.title')}
        extra={
          <Button
            type="link"
            onClick={() => {
              setLang(lang === 'en' ? 'zh-CN' : 'en');
            }}
          >
            {t('lang.switch')}
          </Button>
        }
      >
        {params.get('expired') ? (
          <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(error, t)}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        ) : null}
        <Form<LoginForm>
          layout="vertical"
          onFinish={(values) => void submit(values)}
          requiredMark={false}
          size="large"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 24, marginBottom: 0, textAlign: 'center' }}
        >
          {t('login.footer')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
