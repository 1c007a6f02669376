import type { SupervisionDetail, SupervisionNoticeDto } from '@yaodian/core';
import { Button, Descriptions, Drawer, Flex, Input, Space, Steps, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { SupervisionTag } from './SupervisionTag.js';

export type SupervisionAction = 'sign' | 'respond' | 'close' | 'escalate';

/** What the signed-in person may do to this notice (the server decides again). */
export interface SupervisionPowers {
  /** The unit's reporter: sign and respond for a notice to its unit. */
  answer: boolean;
  /** The planning office: close and escalate. */
  manage: boolean;
  /** Taking the 督办单 away as .docx: the office, the unit's reporter, a leader (the server checks ownership). */
  download: boolean;
}

/** The actions a notice's state offers to someone with these powers. */
export function actionsFor(notice: SupervisionNoticeDto, powers: SupervisionPowers): SupervisionAction[] {
  const open = notice.status === 'issued' || notice.status === 'signed' || notice.status === 'responded';
  const out: SupervisionAction[] = [];
  if (powers.answer && notice.status === 'issued') out.push('sign');
  if (powers.answer && (notice.status === 'signed' || notice.status === 'responded')) out.push('respond');
  if (powers.manage && open) out.push('close');
  if (powers.manage && open && notice.level !== 'red') out.push('escalate');
  return out;
}

const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/**
 * One 督办单 in a drawer: number, level, status, units, tasks, reason, response date, the 整改措施, the
 * ladder it belongs to, and the flow actions the person may take. Actions are reported to the page, which
 * calls the server and passes the answer back in.
 */
export function SupervisionDrawer({
  detail,
  powers,
  busy,
  onAction,
  onDownload,
  onClose,
}: {
  detail: SupervisionDetail | null;
  powers: SupervisionPowers;
  busy: boolean;
  onAction: (action: SupervisionAction, text: string) => void;
  onDownload: () => void;
  onClose: () => void;
}): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const notice = detail?.notice;
  const actions = notice ? actionsFor(notice, powers) : [];
  return (
    <Drawer open={detail !== null} onClose={onClose} size={560} title={notice?.number ?? ''} destroyOnHidden>
      {notice ? (
        <Flex vertical gap={16} data-testid="sup-drawer">
          <Space>
            <SupervisionTag level={notice.level} />
            <Tag data-testid="sup-status">{t(`sup.status.${notice.status}`)}</Tag>
            <Typography.Text type="secondary">{t(`sup.rule.${notice.rule}`)}</Typography.Text>
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('sup.units')}>
              {notice.units.map((u) => u.name).join(t('common.sep'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.tasks')}>
              {notice.tasks.map((x) => `${x.number} ${x.title}`).join(t('common.sep'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('sup.reason')}>{notice.reason}</Descriptions.Item>
            <Descriptions.Item label={t('sup.responseDue')}>{notice.responseDue}</Descriptions.Item>
            <Descriptions.Item label={t('sup.issuedBy')}>
              {notice.issuedBy ?? t('sup.system')} {when(notice.issuedAt)}
            </Descriptions.Item>
            {notice.response ? (
              <Descriptions.Item label={t('sup.response')}>
                {notice.response}
                <Typography.Text type="secondary">
                  {' '}
                  {notice.respondedBy} {when(notice.respondedAt)}
                </Typography.Text>
              </Descriptions.Item>
            ) : null}
            {notice.status === 'closed' ? (
              <Descriptions.Item label={t('sup.closeNote')}>
                {notice.closeNote ?? ''} {notice.closedBy} {when(notice.closedAt)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {detail.history.length > 1 ? (
            <div>
              <Typography.Title level={5}>{t('sup.history')}</Typography.Title>
              <Steps
                size="small"
                current={detail.history.findIndex((h) => h.id === notice.id)}
                items={detail.history.map((h) => ({
                  title: `${h.number} ${t(`sup.level.${h.level}`)}`,
                  description: `${t(`sup.status.${h.status}`)} · ${when(h.issuedAt)}`,
                }))}
              />
            </div>
          ) : null}
          {actions.includes('respond') || actions.includes('close') || actions.includes('escalate') ? (
            <Input.TextArea
              rows={3}
              maxLength={actions.includes('respond') ? 4000 : 1000}
              value={text}
              placeholder={actions.includes('respond') ? t('sup.response') : t('sup.closeNote')}
              onChange={(e) => {
                setText(e.target.value);
              }}
              data-testid="sup-text"
            />
          ) : null}
          <Space wrap>
            {actions.map((action) => (
              <Button
                key={action}
                type={action === 'escalate' ? 'default' : 'primary'}
                danger={action === 'escalate'}
                loading={busy}
                disabled={action === 'respond' && text.trim() === ''}
                onClick={() => {
                  onAction(action, text.trim());
                }}
                data-testid={`sup-${action}`}
              >
                {t(`sup.${action}`)}
              </Button>
            ))}
            {powers.download ? (
              <Button loading={busy} onClick={onDownload} data-testid="sup-download">
                {t('sup.download')}
              </Button>
            ) : null}
          </Space>
        </Flex>
      ) : null}
    </Drawer>
  );
}
