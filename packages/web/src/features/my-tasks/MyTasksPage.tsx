import { Alert, Button, Card, Empty, Flex, Progress, Skeleton, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, type OwedRowDto, type ReportDto } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusTag } from '../../components/StatusTag.js';
import { STATUS_COLOR } from '../../components/status.js';
import { useT } from '../../i18n/i18n.js';

const STATE_COLOR: Record<ReportDto['state'], string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

export function MyTasksPage(): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  // Rows, counts and returned reports come from the server's owed rule; nothing is counted here.
  const work = useLoad(() => api.myOwed(), []);
  const rows = work.data?.rows ?? [];
  const planName = (row: OwedRowDto): string => `${String(row.plan.year)} ${row.plan.title}`;
  const planFilters = [...new Map(rows.map((r) => [r.plan.id, planName(r)] as const)).entries()].map(
    ([value, text]) => ({ text, value }),
  );
  const periodFilters = [
    ...new Map(rows.flatMap((r) => (r.period ? [[r.period.id, r.period.label] as const] : []))).entries(),
  ].map(([value, text]) => ({ text, value }));
  const returned = work.data?.returned ?? [];
  const current = rows.find((r) => r.period)?.period;

  const open = (row: OwedRowDto): void => {
    if (row.report) void navigate(`/reports/${row.report.id}`);
    else if (row.period) void navigate(`/reports/new/${row.task.id}/${row.unit.id}/${row.period.id}`);
  };
  // Only an owed row offers to fill in (so the buttons count what the server counts); others may be viewed.
  const action = (row: OwedRowDto): string | null => {
    if (!row.owed) return row.report ? t('common.view') : null;
    if (!row.report) return t('myTasks.report');
    return row.report.state === 'returned' ? t('myTasks.resubmit') : t('myTasks.continue');
  };

  return (
    <>
      <PageHeader
        title={t('myTasks.title')}
        sub={
          current
            ? `${t('myTasks.period')}: ${current.label} · ${t('myTasks.due', { date: current.dueOn })}`
            : undefined
        }
      />
      <ErrorAlert error={work.error} onRetry={work.reload} />
      {returned.length > 0 ? (
        <Card
          className="yd-card"
          title={<Typography.Text type="danger">{t('myTasks.returned')}</Typography.Text>}
        >
          {returned.map((r) => (
            <Alert
              key={r.reportId}
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              title={`${r.taskNumber} ${r.taskTitle} · ${r.periodLabel} · ${r.unitName}`}
              description={`${t('myTasks.returnReason')}: ${r.returnReason ?? ''}`}
              action={
                <Button danger onClick={() => void navigate(`/reports/${r.reportId}`)}>
                  {t('myTasks.resubmit')}
                </Button>
              }
            />
          ))}
        </Card>
      ) : null}
      <Card
        title={
          work.data ? (
            <span data-testid="my-work-counts">
              {t('myTasks.counts', { fillable: work.data.counts.owed, rows: work.data.counts.rows })}
            </span>
          ) : null
        }
      >
        {work.data === undefined ? (
          <Skeleton active paragraph={{ rows: 6 }} data-testid="my-tasks-loading" />
        ) : (
          <Table<OwedRowDto>
            rowKey={(row) => `${row.task.id}:${row.unit.id}`}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('myTasks.none')} /> }}
            pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
            columns={[
              {
                title: t('myTasks.plan'),
                width: 170,
                filters: planFilters,
                onFilter: (value, row) => row.plan.id === value,
                render: (_: unknown, row) => planName(row),
              },
              {
                title: t('planView.tasks'),
                // The one column without a width took what the others left: a title one or two characters wide.
                minWidth: 220,
                render: (_: unknown, row) => (
                  <a
                    onClick={() => void navigate(`/plans/${row.task.planId}/tasks/${row.task.id}`)}
                  >{`${row.task.number} ${row.task.title}`}</a>
                ),
              },
              {
                title: t('report.unit'),
                width: 150,
                render: (_: unknown, row) => row.unit.name,
              },
              {
                title: t('planView.deadline'),
                width: 110,
                render: (_: unknown, row) => row.task.deadlineText ?? row.task.deadline ?? '',
              },
              {
                title: t('planView.progress'),
                width: 140,
                render: (_: unknown, row) => (
                  <Progress
                    size="small"
                    percent={row.task.percent ?? 0}
                    strokeColor={STATUS_COLOR[row.task.status]}
                  />
                ),
              },
              {
                title: t('planView.status'),
                width: 100,
                render: (_: unknown, row) => <StatusTag status={row.task.status} />,
              },
              {
                title: t('myTasks.stateThisPeriod'),
                width: 170,
                filters: periodFilters,
                onFilter: (value, row) => row.period?.id === value,
                render: (_: unknown, row) =>
                  row.period ? (
                    <Flex vertical>
                      {row.report ? (
                        <Tag color={STATE_COLOR[row.report.state]}>
                          {t(`reportState.${row.report.state}`)}
                        </Tag>
                      ) : (
                        <Tag color="warning">{t('myTasks.notReported')}</Tag>
                      )}
                      <Typography.Text
                        type="secondary"
                        style={{ fontSize: 12 }}
                      >{`${row.period.label} · ${t('myTasks.due', { date: row.period.dueOn })}`}</Typography.Text>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('myTasks.noPeriod')}</Typography.Text>
                  ),
              },
              {
                title: t('common.actions'),
                width: 130,
                render: (_: unknown, row) => {
                  const label = action(row);
                  return label ? (
                    <Button
                      type={row.report ? 'default' : 'primary'}
                      danger={row.report?.state === 'returned'}
                      size="small"
                      onClick={() => {
                        open(row);
                      }}
                    >
                      {label}
                    </Button>
                  ) : null;
                },
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
