import {
  AuditOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth, useMe } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { STATUS_COLOR } from '../../components/status.js';
import { useToday } from '../../components/use-today.js';
import { useT } from '../../i18n/i18n.js';
import { KeyProjectsCard } from '../leaders/KeyProjectsCard.js';

export function WorkbenchPage(): ReactNode {
  const t = useT();
  const me = useMe();
  const { allowed } = useAuth();
  const navigate = useNavigate();
  const today = useToday();
  const plans = useLoad(() => api.plans(), []);
  const reporter = me.role === 'reporter';
  // A reporter's due count is the server's owed rule, the same answer the 我的任务 table shows.
  const owed = useLoad(() => (reporter ? api.myOwed() : Promise.resolve(undefined)), [reporter]);
  // Tasks and lagging tasks (overdue or behind) as the server counts them: the reporter's units', else all.
  const overview = useLoad(() => api.taskOverview(reporter), [reporter]);
  const pending = useLoad(
    () => (allowed('report.review') ? api.reports({ state: 'submitted' }) : Promise.resolve([])),
    [me.role],
  );
  const lagging = overview.data?.lagging ?? 0;

  return (
    <>
      <PageHeader
        title={t('workbench.greeting', { name: me.displayName })}
        sub={`${me.tenantName} · ${t('workbench.today', { date: today })}`}
      />
      <ErrorAlert error={plans.error ?? overview.error ?? owed.error} onRetry={plans.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card className="yd-stat-link" onClick={() => void navigate('/plans')}>
            <Statistic
              title={t('workbench.plans')}
              value={plans.data?.length ?? 0}
              prefix={<FileTextOutlined />}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card
            className={reporter ? 'yd-stat-link' : undefined}
            onClick={() => reporter && void navigate('/my-tasks')}
            data-testid="card-my-due"
          >
            <Statistic
              title={reporter ? t('workbench.myDue') : t('workbench.tasksTotal')}
              value={reporter ? owed.data?.counts.owed : overview.data?.tasks}
              loading={reporter ? owed.data === undefined : overview.data === undefined}
              prefix={<FormOutlined />}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card className="yd-stat-link" onClick={() => allowed('report.review') && void navigate('/review')}>
            <Statistic
              title={t('workbench.toReview')}
              value={pending.data?.length ?? 0}
              loading={pending.loading}
              prefix={<AuditOutlined />}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="card-lagging">
            <Statistic
              title={t('dashboard.lagging')}
              value={lagging}
              loading={overview.data === undefined}
              styles={{ content: { color: lagging ? STATUS_COLOR.behind : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Card title={t('workbench.recentPlans')}>
            <Table
              rowKey="id"
              size="middle"
              loading={plans.loading}
              dataSource={plans.data ?? []}
              pagination={false}
              columns={[
                { title: t('plans.year'), dataIndex: 'year', width: 80 },
                {
                  title: t('plans.name'),
                  dataIndex: 'title',
                  render: (title: string, plan) => (
                    <a
                      onClick={() =>
                        void navigate(plan.status === 'draft' ? `/import/${plan.id}` : `/plans/${plan.id}`)
                      }
                    >
                      {title}
                    </a>
                  ),
                },
                {
                  title: t('plans.status'),
                  dataIndex: 'status',
                  width: 100,
                  render: (status: 'draft' | 'published' | 'archived') => (
                    <Tag color={status === 'published' ? 'green' : status === 'draft' ? 'orange' : 'default'}>
                      {t(`planStatus.${status}`)}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('workbench.quick')}>
            <Flex vertical gap={12}>
              {me.role === 'reporter' ? (
                <Button block icon={<FormOutlined />} onClick={() => void navigate('/my-tasks')}>
                  {t('menu.myTasks')}
                </Button>
              ) : null}
              {allowed('report.review') ? (
                <Button block icon={<AuditOutlined />} onClick={() => void navigate('/review')}>
                  {t('menu.review')}
                </Button>
              ) : null}
              <Button block icon={<DashboardOutlined />} onClick={() => void navigate('/dashboard')}>
                {t('menu.dashboard')}
              </Button>
              {allowed('plan.import') ? (
                <Button
                  block
                  type="primary"
                  icon={<CloudUploadOutlined />}
                  onClick={() => void navigate('/import')}
                >
                  {t('menu.import')}
                </Button>
              ) : null}
            </Flex>
          </Card>
        </Col>
      </Row>
      {allowed('instruction.write') ? <KeyProjectsCard /> : null}
    </>
  );
}
