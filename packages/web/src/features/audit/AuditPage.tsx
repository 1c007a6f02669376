import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@yaodian/core';
import { Alert, Button, Card, DatePicker, Flex, Input, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT, type Translate } from '../../i18n/i18n.js';
import { zhCN, type MessageKey } from '../../i18n/zh-CN.js';

interface Filter {
  actor: string;
  action: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

type Verification = Awaited<ReturnType<typeof api.verifyAudit>>;

const PAGE = 50;

function query(filter: Filter, before?: number) {
  const [from, to] = filter.range ?? [null, null];
  return {
    limit: PAGE,
    ...(filter.actor.trim() ? { actor: filter.actor.trim() } : {}),
    ...(filter.action.trim() ? { action: filter.action.trim() } : {}),
    ...(from ? { from: from.startOf('day').toISOString() } : {}),
    // The end day counts whole: entries before the next midnight.
    ...(to ? { to: to.add(1, 'day').startOf('day').toISOString() } : {}),
    ...(before === undefined ? {} : { before }),
  };
}

/** What changed, in one line: the entry's after (or before) as the server stored it. */
function detail(entry: AuditEntry): string {
  const value = entry.after ?? entry.before;
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** Who acted: the user as named now; a failed sign-in has no actor, nor does a job of the system. */
function actorLabel(entry: AuditEntry, t: Translate): string {
  if (entry.actorName)
    return t('audit.actorFormat', { name: entry.actorName, username: entry.actorUsername ?? '' });
  if (entry.actorId !== null) return entry.actorId;
  return t(entry.action.startsWith('login') ? 'audit.anonymous' : 'audit.system');
}

/** A security event's name in the user's language above its stable code; other actions by code alone. */
function ActionLabel({ action, t }: { action: string; t: Translate }): ReactNode {
  const key = `auditAction.${action}`;
  if (!(key in zhCN)) return action;
  return (
    <Flex vertical>
      <span>{t(key as MessageKey)}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {action}
      </Typography.Text>
    </Flex>
  );
}

/** The audit log, read-only: filters, older pages on demand, and a check of the hash chain. */
export function AuditPage(): ReactNode {
  const t = useT();
  const [draft, setDraft] = useState<Filter>({ actor: '', action: '', range: null });
  const [filter, setFilter] = useState<Filter>(draft);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(
    async (before?: number) => {
      setLoading(true);
      try {
        const page = await api.auditPage(query(filter, before));
        setEntries((current) => (before === undefined ? page.entries : [...current, ...page.entries]));
        setNextBefore(page.nextBefore);
        setError(null);
      } catch (caught) {
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [filter],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const verify = async (): Promise<void> => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await api.verifyAudit());
    } catch (caught) {
      setVerification(null);
      setVerifyError(errorMessage(caught, t));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verification ? (
        <Alert
          data-testid="audit-verification"
          style={{ marginBottom: 12 }}
          showIcon
          type={verification.ok ? 'success' : 'error'}
          title={
            verification.ok || !verification.firstBroken
              ? t('audit.verifyOk', {
                  checked: verification.checked,
                  seq: verification.lastSealedSeq,
                  unsealed: verification.unsealed,
                })
              : t('audit.verifyBroken', {
                  seq: verification.firstBroken.seq,
                  entry: verification.firstBroken.entryId,
                  reason: t(`audit.reason.${verification.firstBroken.reason}`),
                })
          }
        />
      ) : null}
      {verifyError ? <Alert type="error" showIcon title={verifyError} style={{ marginBottom: 12 }} /> : null}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
          <Input
            aria-label={t('audit.actor')}
            placeholder={t('audit.actorPlaceholder')}
            style={{ width: 180 }}
            allowClear
            value={draft.actor}
            onChange={(e) => {
              setDraft({ ...draft, actor: e.target.value });
            }}
          />
          <Input
            aria-label={t('audit.action')}
            placeholder={t('audit.actionPlaceholder')}
            style={{ width: 220 }}
            allowClear
            value={draft.action}
            onChange={(e) => {
              setDraft({ ...draft, action: e.target.value });
            }}
          />
          <DatePicker.RangePicker
            value={draft.range}
            onChange={(range) => {
              setDraft({ ...draft, range });
            }}
          />
          <Button
            type="primary"
            icon={<SearchOutlined />}
            onClick={() => {
              setFilter(draft);
            }}
          >
            {t('common.search')}
          </Button>
        </Flex>
        <ErrorAlert error={error} onRetry={() => void load()} />
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          data-testid="audit-table"
          loading={loading}
          pagination={false}
          dataSource={entries}
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 170,
              render: (at: string) => new Date(at).toLocaleString(),
            },
            {
              title: t('audit.actor'),
              width: 160,
              render: (_: unknown, e) => actorLabel(e, t),
            },
            {
              title: t('audit.action'),
              width: 170,
              render: (_: unknown, e) => <ActionLabel action={e.action} t={t} />,
            },
            { title: t('audit.entity'), width: 200, render: (_: unknown, e) => `${e.entity} ${e.entityId}` },
            {
              title: t('audit.detail'),
              render: (_: unknown, e) => (
                <Typography.Text type="secondary" ellipsis={{ tooltip: detail(e) }} style={{ maxWidth: 420 }}>
                  {detail(e)}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Flex justify="center" style={{ marginTop: 12 }}>
          {nextBefore === null ? (
            <Typography.Text type="secondary">{entries.length > 0 ? t('audit.end') : ''}</Typography.Text>
          ) : (
            <Button loading={loading} onClick={() => void load(nextBefore)}>
              {t('audit.more')}
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}
