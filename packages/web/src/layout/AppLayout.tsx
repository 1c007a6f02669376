import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  ScheduleOutlined,
  TrophyOutlined,
  FileTextOutlined,
  FileSearchOutlined,
  FormOutlined,
  KeyOutlined,
  LogoutOutlined,
  SettingOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Flex, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/auth.js';
import { useUnits } from '../components/use-units.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal.js';
import { useI18n } from '../i18n/i18n.js';
import { activeMenuPath, MENU } from './menu.js';

const ICONS: Record<string, ReactNode> = {
  '/': <AppstoreOutlined />,
  '/my-tasks': <FormOutlined />,
  '/plans': <FileTextOutlined />,
  '/review': <AuditOutlined />,
  '/dashboard': <DashboardOutlined />,
  '/timeline': <ScheduleOutlined />,
  '/assessment': <TrophyOutlined />,
  '/import': <CloudUploadOutlined />,
  '/admin': <SettingOutlined />,
  '/audit': <FileSearchOutlined />,
  '/platform': <ApartmentOutlined />,
};

export function AppLayout(): ReactNode {
  const { t, lang, setLang } = useI18n();
  const { allowed, signOut } = useAuth();
  const me = useMe();
  const units = useUnits();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  const items = MENU.filter((entry) =>
    entry.needs === 'reporter' ? me.role === 'reporter' : allowed(entry.needs),
  ).map((entry) => ({
    key: entry.path,
    icon: ICONS[entry.path],
    label: t(entry.label),
  }));
  const unitNames = me.unitIds.map((id) => units.nameOf(id)).filter(Boolean);

  return (
    <Layout className="yd-shell">
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} className="yd-sider">
        <div className="yd-logo" title={t('app.name')}>
          <span className="yd-logo-mark" aria-hidden>
            {t('app.short').slice(0, 1)}
          </span>
          <span className="yd-logo-text">{t('app.short')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[activeMenuPath(location.pathname)]}
          items={items}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="yd-header">
          <Typography.Text strong className="yd-header-title">
            {t('app.name')}
          </Typography.Text>
          <Space size="middle">
            <Tooltip title={t('lang.label')}>
              <Button
                type="text"
                icon={<TranslationOutlined />}
                onClick={() => {
                  setLang(lang === 'en' ? 'zh-CN' : 'en');
                }}
              >
                {t('lang.switch')}
              </Button>
            </Tooltip>
            <NotificationBell />
            <Flex align="center" gap={8} data-testid="current-user">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e9c' }} />
              <span className="yd-header-name">{me.displayName}</span>
              <Tag color="blue">{t(`role.${me.role}`)}</Tag>
              {unitNames.length > 0 ? (
                // A reporter of several units: one line, cut short, the full list on hover (it had wrapped
                // the header onto the demo banner).
                <Typography.Text
                  type="secondary"
                  style={{ maxWidth: 200 }}
                  ellipsis={{ tooltip: unitNames.join(t('common.sep')) }}
                >
                  {unitNames.join(t('common.sep'))}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{me.tenantName}</Typography.Text>
              )}
            </Flex>
            <Button
              icon={<KeyOutlined />}
              onClick={() => {
                setChangingPassword(true);
              }}
            >
              {t('header.changePassword')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="yd-content">
          <Outlet />
        </Layout.Content>
        <ChangePasswordModal
          open={changingPassword}
          onClose={() => {
            setChangingPassword(false);
          }}
        />
      </Layout>
    </Layout>
  );
}
