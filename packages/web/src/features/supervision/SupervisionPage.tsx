import {
  SUPERVISION_LEVELS,
  type SupervisionDetail,
  type SupervisionLevel,
  type SupervisionNoticeDto,
} from '@yaodian/core';
import { App, Card, Empty, Segmented, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/i18n.js';
import { IssueNoticeButton } from './IssueNoticeButton.js';
import { SupervisionDrawer, type SupervisionAction } from './SupervisionDrawer.js';
import { SupervisionTag } from './SupervisionTag.js';

type StatusFilter = 'open' | 'closed' | 'escalated' | 'all';

/**
 * 督办管理: the commission's notices (a reporter's own units' only, as the server answers), filtered by
 * status and level; a row opens the notice in a drawer with the actions the person may take.
 */
export function SupervisionPage(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { allowed, user } = useAuth();
  const [search, setSearch] = useSearchParams();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [level, setLevel] = useState<SupervisionLevel | undefined>(undefined);
  const list = useLoad(
    () =>
      api.supervisionNotices({
        query: { ...(status === 'all' ? {} : { status }), ...(level ? { level } : {}) },
      }),
    [status, level],
  );
  const [detail, setDetail] = useState<SupervisionDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const openId = search.get('id');

  useEffect(() => {
    if (!openId) return;
    api.supervisionNotice({ params: { id: openId } }).then(setDetail, (e: unknown) => {
      void message.error(errorMessage(e, t));
    });
  }, [openId]);

  const act = async (action: SupervisionAction, text: string): Promise<void> => {
    const notice = detail?.notice;
    if (!notice) return;
    setBusy(true);
    try {
      const params = { id: notice.id };
      const version = notice.version;
      const answer =
        action === 'sign'
          ? await api.signSupervision({ params, body: { version } })
          : action === 'respond'
            ? await api.respondSupervision({ params, body: { version, response: text } })
            : action === 'close'
              ? await api.closeSupervision({ params, body: { version, ...(text ? { note: text } : {}) } })
              : await api.escalateSupervision({
                  params,
                  body: { version, ...(text ? { reason: text } : {}) },
                });
      setDetail(await api.supervisionNotice({ params: { id: answer.notice.id } }));
      void message.success(t('sup.done'));
      list.reload();
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const download = async (): Promise<void> => {
    const notice = detail?.notice;
    if (!notice) return;
    setBusy(true);
    try {
      await api.downloadSupervisionNotice(notice.id, t('sup.fallbackName'));
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('sup.title')}
        extra={
          allowed('supervision.issue') ? (
            <IssueNoticeButton
              onIssued={(notice) => {
                list.reload();
                setSearch({ id: notice.id });
              }}
            />
          ) : null
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'open', label: t('sup.status.open') },
              { value: 'closed', label: t('sup.status.closed') },
              { value: 'escalated', label: t('sup.status.escalated') },
              { value: 'all', label: t('sup.filter.all') },
            ]}
          />
          <Select<SupervisionLevel | 'all'>
            style={{ minWidth: 140 }}
            aria-label={t('sup.level')}
            value={level ?? 'all'}
            onChange={(v) => {
              setLevel(v === 'all' ? undefined : v);
            }}
            options={[
              { value: 'all', label: t('sup.filter.all') },
              ...SUPERVISION_LEVELS.map((l) => ({ value: l, label: t(`sup.level.${l}`) })),
            ]}
          />
        </Space>
        <Table<SupervisionNoticeDto>
          rowKey="id"
          data-testid="sup-table"
          loading={list.loading}
          dataSource={list.data?.notices ?? []}
          locale={{ emptyText: <Empty description={t('sup.empty')} /> }}
          onRow={(row) => ({
            onClick: () => {
              setSearch({ id: row.id });
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('sup.number'), dataIndex: 'number', width: 150 },
            {
              title: t('sup.level'),
              dataIndex: 'level',
              width: 110,
              render: (_: unknown, row) => <SupervisionTag level={row.level} />,
            },
            {
              title: t('sup.status'),
              dataIndex: 'status',
              width: 100,
              render: (_: unknown, row) => <Tag>{t(`sup.status.${row.status}`)}</Tag>,
            },
            {
              title: t('sup.units'),
              key: 'units',
              render: (_: unknown, row) => row.units.map((u) => u.name).join(t('common.sep')),
            },
            {
              title: t('sup.tasks'),
              key: 'tasks',
              render: (_: unknown, row) =>
                row.tasks.map((x) => `${x.number} ${x.title}`).join(t('common.sep')),
            },
            { title: t('sup.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('sup.responseDue'), dataIndex: 'responseDue', width: 110 },
          ]}
        />
      </Card>
      <SupervisionDrawer
        detail={detail}
        busy={busy}
        powers={{
          answer: allowed('supervision.respond'),
          manage: allowed('supervision.issue'),
          download: allowed('supervision.issue') || allowed('supervision.respond') || user?.role === 'leader',
        }}
        onAction={(action, text) => void act(action, text)}
        onDownload={() => void download()}
        onClose={() => {
          setDetail(null);
          setSearch({});
        }}
      />
    </>
  );
}
