import { Card, Col, Empty, List, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { PlanSummaryReportDto, TargetAttainmentDto } from '../../api/endpoints.js';
import { StatusTag } from '../../components/StatusTag.js';
import { STATUS_COLOR, STATUS_ORDER } from '../../components/status.js';
import { useT } from '../../i18n/i18n.js';
import { ChartCard } from './ChartCard.js';
import {
  attainmentSpec,
  HEAT_ROW_PX,
  heatSpec,
  sectionSpec,
  statusSpec,
  trendSpec,
  unitSpec,
  type AttainmentRow,
  type CompletionRow,
  type HeatRow,
  type StatusRow,
  type TrendRow,
} from './chart-specs.js';

type Risk = PlanSummaryReportDto['risks'][number];

/**
 * The dashboard's cards and charts for one plan's server summary and target attainment (`targets` undefined
 * while it loads). Every chart has a table view with the same rows, or says why it has nothing to draw.
 */
export function DashboardView({
  summary,
  targets,
}: {
  summary: PlanSummaryReportDto;
  targets: readonly TargetAttainmentDto[] | undefined;
}): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const status = useMemo(() => statusSpec(summary, t), [summary, t]);
  const sections = useMemo(() => sectionSpec(summary, t), [summary, t]);
  const units = useMemo(() => unitSpec(summary, t), [summary, t]);
  const heat = useMemo(() => heatSpec(summary, t), [summary, t]);
  const attain = useMemo(() => (targets ? attainmentSpec(targets, t) : null), [targets, t]);
  const trend = useMemo(() => (targets ? trendSpec(targets, t) : null), [targets, t]);
  const { overall } = summary;

  const completionColumns = (first: string) => [
    { title: first, dataIndex: 'name' },
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

  return (
    <>
      <Row gutter={[16, 16]} className="yd-card">
        <Col xs={12} md={6}>
          <Card data-testid="stat-tasks">
            <Statistic title={t('workbench.tasksTotal')} value={overall.tasks} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-done">
            <Statistic
              title={t('dashboard.done')}
              value={overall.done}
              styles={{ content: { color: STATUS_COLOR.done } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-percent">
            <Statistic title={t('dashboard.avgPercent')} value={overall.averagePercent} suffix="%" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-lagging">
            <Statistic
              title={t('dashboard.lagging')}
              value={overall.lagging}
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
            option={status.option}
            empty={status.empty}
            table={
              <Table<StatusRow>
                size="small"
                pagination={false}
                rowKey="status"
                dataSource={status.rows}
                columns={[
                  {
                    title: t('planView.status'),
                    dataIndex: 'status',
                    render: (s: StatusRow['status']) => <StatusTag status={s} />,
                  },
                  { title: t('dashboard.tasks'), dataIndex: 'count' },
                ]}
              />
            }
          />
        </Col>
        <Col xs={24} xl={14}>
          <ChartCard
            testId="chart-sections"
            title={t('dashboard.bySection')}
            option={sections.option}
            empty={sections.empty}
            height={Math.max(240, sections.rows.length * 48)}
            table={
              <Table<CompletionRow>
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={sections.rows}
                columns={completionColumns(t('planView.section'))}
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
            option={units.option}
            empty={units.empty}
            height={Math.max(260, units.rows.length * 36)}
            table={
              <Table<CompletionRow>
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={units.rows}
                columns={completionColumns(t('planView.unit'))}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            testId="chart-heat"
            title={t('dashboard.heatmap')}
            option={heat.option}
            empty={heat.empty}
            height={Math.max(260, heat.rows.length * HEAT_ROW_PX + 110)}
            table={
              <Table<HeatRow>
                size="small"
                pagination={false}
                rowKey="unitId"
                dataSource={heat.rows}
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
          {attain ? (
            <ChartCard
              testId="chart-attainment"
              title={t('dashboard.attainment')}
              option={attain.option}
              empty={attain.empty}
              height={Math.max(240, attain.rows.length * 36)}
              table={
                <Table<AttainmentRow>
                  size="small"
                  pagination={false}
                  rowKey="targetId"
                  dataSource={attain.rows}
                  columns={[
                    { title: t('dashboard.metric'), dataIndex: 'metric' },
                    { title: t('dashboard.targetValue'), dataIndex: 'target' },
                    { title: t('importReview.direction'), dataIndex: 'direction' },
                    { title: t('dashboard.latest'), dataIndex: 'latest' },
                    {
                      title: t('dashboard.attainmentRate'),
                      dataIndex: 'attainment',
                      render: (v: number) => <Progress size="small" percent={v} format={() => `${v}%`} />,
                    },
                    {
                      title: t('dashboard.pending'),
                      dataIndex: 'pending',
                      render: (v: number | null) => (v === null ? '' : <Tag color="blue">{v}</Tag>),
                    },
                  ]}
                />
              }
              footer={
                attain.unmeasured.length > 0 && !attain.empty ? (
                  <div data-testid="attainment-unmeasured" style={{ marginTop: 12 }}>
                    <Typography.Text type="secondary">
                      {t('dashboard.unmeasured', { n: attain.unmeasured.length })}
                    </Typography.Text>
                    <List
                      size="small"
                      dataSource={attain.unmeasured}
                      renderItem={(u) => (
                        <List.Item key={u.targetId}>
                          <Typography.Text>{u.metric}</Typography.Text>
                          <Typography.Text type="secondary">{t(u.reason)}</Typography.Text>
                        </List.Item>
                      )}
                    />
                  </div>
                ) : null
              }
            />
          ) : (
            <Card className="yd-card" title={t('dashboard.attainment')}>
              <Skeleton active />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={12}>
          {trend ? (
            <ChartCard
              testId="chart-trend"
              title={t('dashboard.trend')}
              option={trend.option}
              empty={trend.empty}
              table={
                <Table<TrendRow>
                  size="small"
                  pagination={false}
                  rowKey="targetId"
                  scroll={{ x: true }}
                  dataSource={trend.rows}
                  columns={[
                    { title: t('dashboard.metric'), dataIndex: 'metric' },
                    ...trend.periods.map((p) => ({
                      title: p.label,
                      key: p.id,
                      render: (_: unknown, row: TrendRow) => row.values[p.id] ?? '',
                    })),
                  ]}
                />
              }
            />
          ) : (
            <Card className="yd-card" title={t('dashboard.trend')}>
              <Skeleton active />
            </Card>
          )}
        </Col>
      </Row>
      <Card title={t('dashboard.risks')} className="yd-card" data-testid="risks">
        {summary.risks.length === 0 ? (
          <Empty description={t('common.empty')} />
        ) : (
          <Table<Risk>
            size="small"
            rowKey="id"
            dataSource={summary.risks}
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
