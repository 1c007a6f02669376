import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { TaskStatus } from '@yaodian/core';
import { api, type TaskDto } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { StatusTag } from '../../components/StatusTag.js';
import { STATUS_COLOR, STATUS_ORDER } from '../../components/status.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useT } from '../../i18n/i18n.js';
import { targetText } from '../tasks/attainment.js';
import {
  attainmentRows,
  bySection,
  byUnit,
  heatMap,
  riskList,
  statusCounts,
  type AttainmentRow,
  type Completion,
  type HeatRow,
} from './aggregate.js';
import { ChartCard } from './ChartCard.js';

export function DashboardPage(): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const { plans, planId, setPlanId } = useCurrentPlan();
  const plan = useLoad(() => (planId ? api.plan(planId) : Promise.resolve(null)), [planId]);
  const tasks = useLoad(() => (planId ? api.tasks({ planId }) : Promise.resolve([])), [planId]);
  const periods = useLoad(() => (planId ? api.periods(planId) : Promise.resolve([])), [planId]);
  const reports = useLoad(() => api.reports({}), [planId]);
  const taskList = useMemo(() => tasks.data ?? [], [tasks.data]);
  const counts = statusCounts(taskList);
  const sections = useMemo(
    () =>
      bySection(
        taskList,
        (plan.data?.items ?? []).filter((i) => i.parentId === null),
      ),
    [taskList, plan.data],
  );
  const units = useMemo(() => byUnit(taskList), [taskList]);
  const heat = useMemo(() => heatMap(taskList), [taskList]);
  const itemIds = useMemo(() => new Set((plan.data?.items ?? []).map((i) => i.id)), [plan.data]);
  const attain = useMemo(
    () =>
      attainmentRows(
        plan.data?.items ?? [],
        (reports.data ?? []).filter((r) => itemIds.has(r.itemId)),
        periods.data ?? [],
      ),
    [plan.data, reports.data, periods.data, itemIds],
  );
  const risks = riskList(taskList);
  const done = counts.done;
  const overallPercent = taskList.length
    ? Math.round(taskList.reduce((s, x) => s + (x.percent ?? 0), 0) / taskList.length)
    : 0;
  const completionColumns = [
    { title: t('planView.unit'), dataIndex: 'name' },
    { title: t('dashboard.tasks'), dataIndex: 'tasks', width: 80 },
    { title: t('dashboard.done'), dataIndex: 'done', width: 80 },
    { title: t('dashboard.completion'), dataIndex: 'completion', width: 100, render: (v: number) => `${v}%` },
    {
      title: t('dashboard.avgPercent'),
      dataIndex: 'averagePercent',
      width: 100,
      render: (v: number) => `${v}%`,
    },
  ];
  const barOption = (rows: Completion[]): Record<string, unknown> => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('dashboard.avgPercent'), t('dashboard.completion')] },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        name: t('dashboard.avgPercent'),
        type: 'bar',
        data: rows.map((r) => r.averagePercent),
        itemStyle: { color: '#1f5fbf' },
      },
      {
        name: t('dashboard.completion'),
        type: 'bar',
        data: rows.map((r) => r.completion),
        itemStyle: { color: '#52c41a' },
      },
    ],
  });

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        sub={plan.data?.title}
        extra={
          <>
            {plans.data ? <PlanPicker plans={plans.data} value={planId} onChange={setPlanId} /> : null}
            <Button
              icon={<PrinterOutlined />}
              onClick={() => {
                window.print();
              }}
            >
              {t('dashboard.print')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={plans.error ?? tasks.error ?? plan.error} />
      <Row gutter={[16, 16]} className="yd-card">
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('workbench.tasksTotal')} value={taskList.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-done">
            <Statistic
              title={t('dashboard.done')}
              value={done}
              styles={{ content: { color: STATUS_COLOR.done } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-percent">
            <Statistic title={t('dashboard.avgPercent')} value={overallPercent} suffix="%" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('dashboard.lagging')}
              value={counts.overdue + counts.behind}
              styles={{ content: { color: STATUS_COLOR.behind } }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <ChartCard
            testId="chart-status"
            title={t('dashboard.statusCounts')}
            option={{
              tooltip: { trigger: 'item' },
              legend: { bottom: 0 },
              series: [
                {
                  type: 'pie',
                  radius: ['40%', '68%'],
                  data: STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => ({
                    name: t(`status.${s}`),
                    value: counts[s],
                    itemStyle: { color: STATUS_COLOR[s] },
                  })),
                },
              ],
            }}
            table={
              <Table
                size="small"
                pagination={false}
                rowKey="status"
                dataSource={STATUS_ORDER.map((s) => ({ status: s, n: counts[s] }))}
                columns={[
                  {
                    title: t('planView.status'),
                    dataIndex: 'status',
                    render: (s: TaskStatus) => <StatusTag status={s} />,
                  },
                  { title: t('dashboard.tasks'), dataIndex: 'n' },
                ]}
              />
            }
          />
        </Col>
        <Col xs={24} xl={14}>
          <ChartCard
            testId="chart-sections"
            title={t('dashboard.bySection')}
            option={barOption(sections)}
            height={Math.max(240, sections.length * 48)}
            table={
              <Table<Completion>
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={sections}
                columns={[
                  { ...completionColumns[0], title: t('planView.section') },
                  ...completionColumns.slice(1),
                ]}
              />
            }
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <ChartCard
            testId="chart-units"
            title={t('dashboard.byUnit')}
            option={barOption(units)}
            height={Math.max(260, units.length * 36)}
            table={
              <Table<Completion>
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={units}
                columns={completionColumns}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            testId="chart-heat"
            title={t('dashboard.heatmap')}
            height={Math.max(260, heat.length * 32)}
            option={{
              tooltip: { position: 'top' },
              grid: { left: 8, right: 16, top: 8, bottom: 60, containLabel: true },
              xAxis: {
                type: 'category',
                data: STATUS_ORDER.map((s) => t(`status.${s}`)),
                splitArea: { show: true },
              },
              yAxis: { type: 'category', data: heat.map((h) => h.name), splitArea: { show: true } },
              visualMap: {
                min: 0,
                max: Math.max(1, ...heat.flatMap((h) => Object.values(h.counts))),
                calculable: true,
                orient: 'horizontal',
                left: 'center',
                bottom: 0,
                inRange: { color: ['#f6ffed', '#ffd666', '#f5222d'] },
              },
              series: [
                {
                  type: 'heatmap',
                  label: { show: true },
                  data: heat.flatMap((h, y) => STATUS_ORDER.map((s, x) => [x, y, h.counts[s]])),
                },
              ],
            }}
            table={
              <Table<HeatRow>
                size="small"
                pagination={false}
                rowKey="unitId"
                dataSource={heat}
                className="yd-heat"
                columns={[
                  { title: t('planView.unit'), dataIndex: 'name' },
                  ...STATUS_ORDER.map((s) => ({
                    title: t(`status.${s}`),
                    key: s,
                    className: 'yd-heat-cell',
                    render: (_: unknown, row: HeatRow) => row.counts[s] || '',
                  })),
                ]}
              />
            }
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <ChartCard
            testId="chart-attainment"
            title={t('dashboard.attainment')}
            height={Math.max(240, attain.length * 36)}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
              xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              yAxis: {
                type: 'category',
                data: attain.map((a) => a.target.metric),
                axisLabel: { width: 160, overflow: 'truncate' },
              },
              series: [
                {
                  type: 'bar',
                  data: attain.map((a) => ({
                    value: a.attainment ?? 0,
                    itemStyle: {
                      color:
                        a.attainment === null
                          ? '#d9d9d9'
                          : a.attainment >= 100
                            ? '#52c41a'
                            : a.attainment >= 80
                              ? '#faad14'
                              : '#f5222d',
                    },
                  })),
                },
              ],
            }}
            table={
              <Table<AttainmentRow>
                size="small"
                pagination={false}
                rowKey={(r) => r.target.id}
                dataSource={attain}
                locale={{ emptyText: t('dashboard.noTargets') }}
                columns={[
                  { title: t('dashboard.metric'), render: (_: unknown, r) => r.target.metric },
                  { title: t('dashboard.targetValue'), render: (_: unknown, r) => targetText(r.target) },
                  {
                    title: t('importReview.direction'),
                    render: (_: unknown, r) => t(`direction.${r.target.direction}`),
                  },
                  { title: t('dashboard.latest'), render: (_: unknown, r) => r.latest ?? t('task.noActual') },
                  {
                    title: t('dashboard.attainmentRate'),
                    render: (_: unknown, r) =>
                      r.attainment === null ? '' : <Progress size="small" percent={r.attainment} />,
                  },
                ]}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            testId="chart-trend"
            title={t('dashboard.trend')}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { type: 'scroll', bottom: 0 },
              grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
              xAxis: { type: 'category', data: (periods.data ?? []).map((p) => p.label) },
              yAxis: { type: 'value' },
              series: attain
                .filter((a) => a.series.length > 0)
                .map((a) => ({
                  name: a.target.metric,
                  type: 'line',
                  connectNulls: true,
                  data: (periods.data ?? []).map(
                    (p) => a.series.find((pt) => pt.periodId === p.id)?.value ?? null,
                  ),
                })),
            }}
            table={
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                scroll={{ x: true }}
                dataSource={attain
                  .filter((a) => a.series.length > 0)
                  .map((a) => ({
                    key: a.target.id,
                    metric: a.target.metric,
                    ...Object.fromEntries(a.series.map((pt) => [pt.periodId, pt.value])),
                  }))}
                columns={[
                  { title: t('dashboard.metric'), dataIndex: 'metric' },
                  ...(periods.data ?? []).map((p) => ({ title: p.label, dataIndex: p.id })),
                ]}
              />
            }
          />
        </Col>
      </Row>
      <Card title={t('dashboard.risks')} className="yd-card">
        {risks.length === 0 ? (
          <Empty description={t('common.empty')} />
        ) : (
          <Table<TaskDto>
            size="small"
            rowKey="id"
            dataSource={risks}
            pagination={false}
            onRow={(task) => ({
              onClick: () => void navigate(`/plans/${task.planId}/tasks/${task.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: '#', dataIndex: 'number', width: 60 },
              { title: t('planView.tasks'), dataIndex: 'title' },
              {
                title: t('planView.lead'),
                width: 160,
                render: (_: unknown, x) => x.leadUnits.map((u) => u.name).join(t('common.sep')),
              },
              {
                title: t('planView.deadline'),
                width: 110,
                render: (_: unknown, x) => x.deadlineText ?? x.deadline ?? '',
              },
              {
                title: t('planView.status'),
                width: 100,
                render: (_: unknown, x) => <StatusTag status={x.status} />,
              },
              {
                title: t('task.statusReason'),
                render: (_: unknown, x) => (
                  <Typography.Text type="secondary">{x.statusReason}</Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
