import { Select, Space, Table, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';
import { ChartCard } from '../dashboard/ChartCard.js';
import { ganttSpec, type GanttRow } from './gantt-spec.js';

/** 里程碑进度: the plan's milestones as a Gantt, for the whole plan or one unit's tasks. */
export function TimelinePage(): ReactNode {
  const t = useT();
  const { plans, planId, setPlanId } = useCurrentPlan();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [leaderId, setLeaderId] = useState<string | undefined>(undefined);
  const units = useUnits();
  const leaders = useLoad(
    () => (planId ? api.planLeaders({ params: { planId } }).then((l) => l.leaders) : Promise.resolve([])),
    [planId],
  );
  const timeline = useLoad(
    () =>
      planId
        ? api.planMilestones({
            params: { planId },
            query: { ...(unitId ? { unitId } : {}), ...(leaderId ? { leaderId } : {}) },
          })
        : Promise.resolve(null),
    [planId, unitId, leaderId],
  );
  const spec = timeline.data ? ganttSpec(timeline.data, t) : null;
  const rowsHeight = Math.max(240, (timeline.data?.tasks.length ?? 0) * 36 + 80);
  return (
    <>
      <PageHeader
        title={t('timeline.title')}
        extra={
          <Space wrap>
            {plans.data ? <PlanPicker plans={plans.data} value={planId} onChange={setPlanId} /> : null}
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('timeline.allUnits')}
              style={{ width: 220 }}
              value={unitId}
              onChange={(v) => {
                setUnitId(v);
              }}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              data-testid="timeline-unit"
            />
            <Select<string>
              allowClear
              placeholder={t('timeline.allLeaders')}
              style={{ width: 220 }}
              value={leaderId}
              onChange={(v) => {
                setLeaderId(v);
              }}
              options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
              data-testid="timeline-leader"
            />
          </Space>
        }
      />
      <ErrorAlert error={plans.error ?? timeline.error} onRetry={timeline.reload} />
      {spec && timeline.data ? (
        <ChartCard
          title={t('timeline.chart')}
          testId="timeline-gantt"
          option={spec.option}
          empty={spec.empty}
          height={rowsHeight}
          table={
            <Table<GanttRow>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={spec.rows}
              columns={[
                {
                  title: t('timeline.task'),
                  dataIndex: 'task',
                  render: (text: string, row) => {
                    const task = timeline.data?.tasks.find((x) => x.milestones.some((m) => m.id === row.key));
                    return task && planId ? (
                      <Link to={`/plans/${planId}/tasks/${task.itemId}`}>{text}</Link>
                    ) : (
                      text
                    );
                  },
                },
                { title: t('milestones.name'), dataIndex: 'milestone' },
                { title: t('milestones.plannedOn'), dataIndex: 'plannedOn', width: 110 },
                { title: t('milestones.actualOn'), dataIndex: 'actualOn', width: 110 },
                {
                  title: t('milestones.state'),
                  dataIndex: 'state',
                  width: 100,
                  render: (state: string) => <Tag>{state}</Tag>,
                },
              ]}
            />
          }
        />
      ) : null}
    </>
  );
}
