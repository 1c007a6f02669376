import { Alert, Button, Card, Empty, Flex, Progress, Skeleton, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { ReportDto } from '../../api/endpoints.js';
import { useMe } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusTag } from '../../components/StatusTag.js';
import { STATUS_COLOR } from '../../components/status.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';
import { type OwedReport } from './owed.js';
import { useMyWork } from './use-my-work.js';

const STATE_COLOR: Record<ReportDto['state'], string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

export function MyTasksPage(): ReactNode {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const units = useUnits();
  const work = useMyWork();
  // Newest plan first, then the plan's own order: plans of different years never interleave.
  const planName = (planId: string): string => {
    const plan = work.plans.get(planId);
    return plan ? `${String(plan.year)} ${plan.title}` : '';
  };
  const rows = [...(work.rows ?? [])].sort(
    (a, b) =>
      (work.plans.get(b.task.planId)?.year ?? 0) - (work.plans.get(a.task.planId)?.year ?? 0) ||
      a.task.planId.localeCompare(b.task.planId),
  );
  const planFilters = [...new Set(rows.map((r) => r.task.planId))].map((id) => ({
    text: planName(id),
    value: id,
  }));
  const periodFilters = [
    ...new Map(rows.flatMap((r) => (r.period ? [[r.period.id, r.period.label] as const] : []))).entries(),
  ].map(([value, text]) => ({ text, value }));
  const returned = work.reports.filter((r) => r.state === 'returned' && me.unitIds.includes(r.unitId));
  const taskTitle = (id: string): string => {
    const task = work.tasks.find((x) => x.id === id);
    return task ? `${task.number} ${task.title}` : '';
  };
  const periodLabel = (id: string): string =>
    [...work.periods.values()].flat().find((p) => p.id === id)?.label ?? '';
  const current = rows.find((r) => r.period)?.period;

  const open = (row: OwedReport): void => {
    if (row.report) void navigate(`/reports/${row.report.id}`);
    else if (row.period) void navigate(`/reports/new/${row.task.id}/${row.unitId}/${row.period.id}`);
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
              key={r.id}
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              title={`${taskTitle(r.itemId)} · ${periodLabel(r.periodId)} · ${units.nameOf(r.unitId)}`}
              description={`${t('myTasks.returnReason')}: ${r.returnReason ?? ''}`}
              action={
                <Button danger onClick={() => void navigate(`/reports/${r.id}`)}>
                  {t('myTasks.resubmit')}
                </Button>
              }
            />
          ))}
        </Card>
      ) : null}
      <Card
        title={
          work.counts ? (
            <span data-testid="my-work-counts">
              {t('myTasks.counts', { fillable: work.counts.fillable, rows: work.counts.rows })}
            </span>
          ) : null
        }
      >
        {work.rows === undefined ? (
          <Skeleton active paragraph={{ rows: 6 }} data-testid="my-tasks-loading" />
        ) : (
          <Table<OwedReport>
            rowKey={(row) => `${row.task.id}:${row.unitId}`}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('myTasks.none')} /> }}
            pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
            columns={[
              {
                title: t('myTasks.plan'),
                width: 200,
                filters: planFilters,
                onFilter: (value, row) => row.task.planId === value,
                render: (_: unknown, row) => planName(row.task.planId),
              },
              {
                title: t('planView.tasks'),
                render: (_: unknown, row) => (
                  <a
                    onClick={() => void navigate(`/plans/${row.task.planId}/tasks/${row.task.id}`)}
                  >{`${row.task.number} ${row.task.title}`}</a>
                ),
              },
              { title: t('report.unit'), dataIndex: 'unitName', width: 150 },
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
                render: (_: unknown, row) =>
                  row.period ? (
                    <Button
                      type={row.report ? 'default' : 'primary'}
                      danger={row.report?.state === 'returned'}
                      size="small"
                      onClick={() => {
                        open(row);
                      }}
                    >
                      {!row.report
                        ? t('myTasks.report')
                        : row.report.state === 'returned'
                          ? t('myTasks.resubmit')
                          : row.report.state === 'draft'
                            ? t('myTasks.continue')
                            : t('common.view')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
