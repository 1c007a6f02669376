import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import type { NotificationDto, NotificationList } from '@yaodian/core';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/i18n.js';
import { NotificationSettingsModal } from './NotificationSettingsModal.js';

/** How often the unread count is refreshed while the app is open (reminders go out once a day). */
const POLL_MS = 60_000;

/** The bell in the header: unread count, the latest notifications, mark read, and a link to each task. */
export function NotificationBell(): ReactNode {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [inbox, setInbox] = useState<NotificationList | null>(null);
  const [open, setOpen] = useState(false);
  const [settings, setSettings] = useState(false);

  const load = useCallback(() => {
    api.notifications({ query: { limit: 10 } }).then(setInbox, () => undefined);
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [load]);

  const openOne = async (n: NotificationDto): Promise<void> => {
    if (!n.readAt) await api.markNotificationRead({ params: { id: n.id } }).catch(() => undefined);
    setOpen(false);
    load();
    if (n.link) void navigate(n.link);
  };

  const content = (
    <div style={{ width: 380 }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            disabled={!inbox || inbox.unreadCount === 0}
            onClick={() => {
              void api.markAllNotificationsRead().then(load);
            }}
          >
            {t('notify.readAll')}
          </Button>
          <Button
            size="small"
            type="text"
            icon={<SettingOutlined />}
            aria-label={t('notify.settings')}
            onClick={() => {
              setOpen(false);
              setSettings(true);
            }}
          />
        </Flex>
      </Flex>
      {inbox && inbox.notifications.length > 0 ? (
        <List
          size="small"
          dataSource={inbox.notifications}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f5ff', paddingInline: 8 }}
              onClick={() => void openOne(n)}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.readAt} style={{ fontSize: 13 }}>
                    {n.title}
                  </Typography.Text>
                }
                description={
                  <>
                    <Typography.Paragraph
                      type="secondary"
                      style={{ fontSize: 12, marginBottom: 2, whiteSpace: 'pre-line' }}
                      ellipsis={{ rows: 4 }}
                    >
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                      {new Date(n.createdAt).toLocaleString()}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      )}
    </div>
  );

  return (
    <>
      <Popover
        content={content}
        trigger="click"
        placement="bottomRight"
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) load();
        }}
      >
        <Badge count={inbox?.unreadCount ?? 0} size="small" offset={[-4, 4]}>
          <Button
            type="text"
            icon={<BellOutlined />}
            aria-label={t('notify.bell', { n: inbox?.unreadCount ?? 0 })}
            data-testid="notification-bell"
          />
        </Badge>
      </Popover>
      <NotificationSettingsModal
        open={settings}
        onClose={() => {
          setSettings(false);
        }}
      />
    </>
  );
}
