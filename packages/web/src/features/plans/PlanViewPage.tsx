import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tree,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { TASK_STATUSES, type TaskStatus } from '@yaodian/core';
import { api, type TaskDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusTag } from '../../components/StatusTag.js';
import { STATUS_COLOR } from '../../components/status.js';
import { useT } from '../../i18n/i18n.js';
import { BulletinButton } from './BulletinButton.js';
import { PlanPublicButton } from './PlanPublicButton.js';
import { exportFileName } from './PlanListPage.js';
import { allIds, buildTree, filterTree, type TreeDatum, type TreeNode } from './tree.js';
import { PlanRemindersCard } from '../notifications/PlanRemindersCard.js';
import { PlanLeadersCard } from '../leaders/PlanLeadersCard.js';
import { CascadeCard } from '../cascade/CascadeCard.js';
import { openByTask } from '../supervision/levels.js';
import { PlanSupervisionCard } from '../supervision/PlanSupervisionCard.js';
import { SupervisionTag } from '../supervision/SupervisionTag.js';

interface Filters {
  sectionId?: string;
  unitId?: string;
  status?: TaskStatus;
  q?: string;
  dueBefore?: string;
}

export function PlanViewPage(): ReactNode {
  const t = useT();
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const [view, setView] = useState<'tree' | 'list'>('tree');
  const plan = useLoad(() => api.plan(planId), [planId]);
  const units = useLoad(() => api.units(), []);
  const tasks = useLoad(() => api.tasks({ planId, ...filters }), [planId, filters]);
  const periods = useLoad(() => api.periods(planId), [planId]);
  const summary = useLoad(() => api.planSummary(planId), [planId]);
  const supervision = useLoad(() => api.supervisionNotices({ query: { planId, status: 'open' } }), [planId]);
  const { allowed } = useAuth();
  const canSetPeriods = allowed('plan.edit') && periods.data?.length === 0;
  const taskById = useMemo(() => new Map((tasks.data ?? []).map((task) => [task.id, task])), [tasks.data]);
  const tree = useMemo(() => buildTree(plan.data?.items ?? []), [plan.data]);
  const shown = useMemo(() => filterTree(tree, (item) => taskById.has(item.id)), [tree, taskById]);
  const sections = tree.map((n) => n.item);

  const toTreeData = (nodes: TreeNode[]): TreeDatum[] =>
    nodes.map((node) => {
      const task = taskById.get(node.item.id);
      return {
        key: node.item.id,
        title: (
          <span className="yd-tree-title" data-item={node.item.id}>
            {task ? (
              <span
                aria-hidden
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: 5,
                  background: STATUS_COLOR[task.status],
                  display: 'inline-block',
                }}
              />
            ) : null}
            <Typography.Text strong={!task}>{`${node.item.number} ${node.item.title}`}</Typography.Text>
            {task ? <StatusTag status={task.status} /> : null}
            {task && task.percent !== null ? (
              <Typography.Text type="secondary">{`${task.percent}%`}</Typography.Text>
            ) : null}
            {task?.leadUnits.length ? (
              <Typography.Text type="secondary">
                {task.leadUnits.map((u) => u.name).join(t('common.sep'))}
              </Typography.Text>
            ) : null}
          </span>
        ),
        children: toTreeData(node.children),
      };
    });

  const exportPlan = async (): Promise<void> => {
    if (!plan.data) return;
    try {
      await api.exportXlsx(planId, exportFileName(plan.data, t));
      void message.success(t('plans.exported'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  // The plan's tasks per status as the server counts them (the dashboard's figures), whatever the filters.
  const statusCounts = TASK_STATUSES.map((status) => ({
    status,
    n: summary.data?.statusCounts[status] ?? 0,
  }));

  return (
    <>
      <PageHeader
        title={plan.data?.title ?? t('common.loading')}
        sub={plan.data ? `${plan.data.year} · ${t(`planStatus.${plan.data.status}`)}` : undefined}
        extra={
          <>
            {canSetPeriods ? (
              <Button
                onClick={() =>
                  void api
                    .generatePeriods(planId, 'monthly', 25)
                    .then(periods.set, (error: unknown) => void message.error(errorMessage(error, t)))
                }
              >
                {t('admin.generate')}
              </Button>
            ) : null}
            <Button
              icon={<PrinterOutlined />}
              onClick={() => window.open(`/plans/${planId}/print`, '_blank')}
            >
              {t('plans.print')}
            </Button>
            {allowed('plan.bulletin') && periods.data?.length ? (
              <BulletinButton planId={planId} periods={periods.data} />
            ) : null}
            {allowed('plan.publish') && plan.data?.status === 'published' ? (
              <PlanPublicButton plan={plan.data} onChanged={plan.set} />
            ) : null}
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => void exportPlan()}>
              {t('plans.export')}
            </Button>
          </>
        }
      />
      <ErrorAlert
        error={plan.error ?? tasks.error}
        onRetry={() => {
          plan.reload();
          tasks.reload();
          summary.reload();
        }}
      />
      <Card className="yd-card" size="small" title={t('planView.filters')}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={6}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('planView.section')}
              aria-label={t('planView.section')}
              value={filters.sectionId}
              onChange={(sectionId?: string) => {
                setFilters({ ...filters, sectionId });
              }}
              options={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}` }))}
            />
          </Col>
          <Col xs={24} md={12} xl={5}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder={t('planView.unit')}
              aria-label={t('planView.unit')}
              value={filters.unitId}
              onChange={(unitId?: string) => {
                setFilters({ ...filters, unitId });
              }}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('planView.status')}
              aria-label={t('planView.status')}
              value={filters.status}
              onChange={(status?: TaskStatus) => {
                setFilters({ ...filters, status });
              }}
              options={TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <DatePicker
              style={{ width: '100%' }}
              placeholder={t('planView.dueBefore')}
              aria-label={t('planView.dueBefore')}
              onChange={(day: Dayjs | null) => {
                setFilters({ ...filters, dueBefore: day ? day.format('YYYY-MM-DD') : undefined });
              }}
            />
          </Col>
          <Col xs={24} md={8} xl={5}>
            <Input.Search
              allowClear
              placeholder={t('planView.search')}
              aria-label={t('planView.search')}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
              }}
              onSearch={(q) => {
                setFilters({ ...filters, q: q.trim() || undefined });
              }}
            />
          </Col>
        </Row>
        <Space wrap style={{ marginTop: 12 }}>
          {statusCounts.map(({ status, n }) => (
            <Button
              key={status}
              size="small"
              type={filters.status === status ? 'primary' : 'default'}
              onClick={() => {
                setFilters({ ...filters, status: filters.status === status ? undefined : status });
              }}
            >
              <span
                aria-hidden
                style={{
                  width: 8,
                  height: 8,
                  borderRadius: 4,
                  background: STATUS_COLOR[status],
                  display: 'inline-block',
                }}
              />{' '}
              {`${t(`status.${status}`)} ${n}`}
            </Button>
          ))}
          <Typography.Text type="secondary">
            {t('planView.count', { n: tasks.data?.length ?? 0 })}
          </Typography.Text>
        </Space>
      </Card>
      <Card
        title={view === 'tree' ? t('planView.tree') : t('planView.list')}
        extra={
          <Segmented<'tree' | 'list'>
            value={view}
            onChange={(v) => {
              setView(v);
            }}
            options={[
              { value: 'tree', label: t('planView.tree') },
              { value: 'list', label: t('planView.list') },
            ]}
          />
        }
        loading={plan.loading}
      >
        {view === 'tree' ? (
          shown.length ? (
            <Tree
              key={shown.length}
              blockNode
              showLine
              defaultExpandedKeys={allIds(shown)}
              treeData={toTreeData(shown)}
              onSelect={(keys) => {
                const id = String(keys[0] ?? '');
                if (taskById.has(id)) void navigate(`/plans/${planId}/tasks/${id}`);
              }}
            />
          ) : (
            <Empty description={t('common.empty')} />
          )
        ) : (
          <TaskTable
            tasks={tasks.data ?? []}
            loading={tasks.loading}
            supervision={openByTask(supervision.data?.notices ?? [])}
            onOpen={(task) => void navigate(`/plans/${planId}/tasks/${task.id}`)}
          />
        )}
      </Card>
      {plan.data?.status === 'published' ? <PlanRemindersCard planId={planId} /> : null}
      {plan.data?.status === 'published' ? <PlanSupervisionCard planId={planId} /> : null}
      {plan.data?.status === 'published' ? <PlanLeadersCard planId={planId} /> : null}
      {plan.data?.status === 'published' ? <CascadeCard planId={planId} /> : null}
    </>
  );
}

export function TaskTable({
  tasks,
  loading,
  onOpen,
  supervision,
}: {
  tasks: TaskDto[];
  loading: boolean;
  onOpen: (task: TaskDto) => void;
  /** Open 督办 per task (count and highest level), shown as a coloured tag beside the status. */
  supervision?: ReturnType<typeof openByTask>;
}): ReactNode {
  const t = useT();
  return (
    <Table<TaskDto>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
      onRow={(task) => ({
        onClick: () => {
          onOpen(task);
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: '#', dataIndex: 'number', width: 70 },
        {
          title: t('planView.tasks'),
          dataIndex: 'title',
          render: (title: string, task) => (
            <a
              onClick={() => {
                onOpen(task);
              }}
            >
              {title}
            </a>
          ),
        },
        {
          title: t('planView.lead'),
          width: 160,
          render: (_: unknown, task) => task.leadUnits.map((u) => u.name).join(t('common.sep')),
        },
        {
          title: t('planView.deadline'),
          width: 120,
          render: (_: unknown, task) => task.deadlineText ?? task.deadline ?? '',
        },
        {
          title: t('planView.progress'),
          width: 150,
          render: (_: unknown, task) => (
            <Progress percent={task.percent ?? 0} size="small" strokeColor={STATUS_COLOR[task.status]} />
          ),
        },
        {
          title: t('planView.status'),
          width: 110,
          render: (_: unknown, task) => {
            const open = supervision?.get(task.id);
            return (
              <>
                <StatusTag status={task.status} />
                {open ? <SupervisionTag level={open.level} count={open.open} /> : null}
              </>
            );
          },
        },
      ]}
    />
  );
}
