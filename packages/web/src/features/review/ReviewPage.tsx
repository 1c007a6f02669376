import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Checkbox,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import type { OwedUnits } from '@yaodian/core';
import { api, type ReportDto, type TaskDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';
import { ReviewDetail } from './ReviewDetail.js';

/** How many reports a refused batch names as stale (changed or handled since they were read). */
function staleCount(error: unknown): number {
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return 0;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('stale' in details)) return 0;
  return Array.isArray(details.stale) ? details.stale.length : 0;
}

type MissingUnit = OwedUnits['units'][number];

export function ReviewPage(): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const units = useUnits();
  const { plans, planId, setPlanId } = useCurrentPlan();
  const pending = useLoad(() => api.reports({ state: 'submitted' }), []);
  // The period owed today is the server's choice (domain/periods on the server).
  const current = useLoad(() => (planId ? api.currentPeriod(planId) : Promise.resolve(undefined)), [planId]);
  const period = current.data;
  // Who still owes this period's report is the server's rule (the one the reminders chase).
  const owed = useLoad(
    () =>
      planId && period
        ? api.owedUnits({ params: { planId, periodId: period.id } })
        : Promise.resolve({ units: [] }),
    [planId, period?.id],
  );
  const missing: MissingUnit[] = owed.data?.units ?? [];
  const allTasks = useLoad(() => api.tasks({}), []);
  const taskById = useMemo(
    () => new Map<string, TaskDto>((allTasks.data ?? []).map((x) => [x.id, x])),
    [allTasks.data],
  );
  const [returning, setReturning] = useState<ReportDto | null>(null);
  const [reason, setReason] = useState('');
  const [noSubstance, setNoSubstance] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const selectedReports = (pending.data ?? []).filter((r) => selected.includes(r.id));

  /** One request for all the selected reports: all accepted, or none (a stale one refuses the batch). */
  const acceptSelected = async (): Promise<void> => {
    setBusy('batch');
    try {
      const accepted = await api.acceptReports(selectedReports);
      void message.success(t('review.acceptedMany', { n: accepted.length }));
      setSelected([]);
      owed.reload();
    } catch (error) {
      const stale = staleCount(error);
      void message.error(stale > 0 ? t('review.staleMany', { n: stale }) : errorMessage(error, t));
    } finally {
      setBusy(null);
      pending.reload();
    }
  };

  const act = async (report: ReportDto, action: 'accept' | 'return'): Promise<void> => {
    setBusy(report.id);
    try {
      if (action === 'accept') await api.acceptReport(report);
      else await api.returnReport(report, reason.trim(), noSubstance);
      void message.success(action === 'accept' ? t('review.accepted') : t('review.returnedDone'));
      setReturning(null);
      setReason('');
      setNoSubstance(false);
      pending.reload();
      owed.reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
      pending.reload();
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('review.title')}
        extra={plans.data ? <PlanPicker plans={plans.data} value={planId} onChange={setPlanId} /> : null}
      />
      <ErrorAlert error={pending.error ?? owed.error} onRetry={pending.reload} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            className="yd-card"
            title={`${t('review.pending')} (${pending.data?.length ?? 0})`}
            extra={
              <Popconfirm
                title={t('review.acceptSelectedConfirm', { n: selectedReports.length })}
                disabled={selectedReports.length === 0}
                onConfirm={() => {
                  void acceptSelected();
                }}
              >
                <Button type="primary" disabled={selectedReports.length === 0} loading={busy === 'batch'}>
                  {t('review.acceptSelected', { n: selectedReports.length })}
                </Button>
              </Popconfirm>
            }
          >
            <Table<ReportDto>
              rowKey="id"
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => {
                  setSelected(keys.map(String));
                },
              }}
              loading={pending.loading}
              dataSource={pending.data ?? []}
              locale={{ emptyText: <Empty description={t('review.nonePending')} /> }}
              expandable={{
                expandedRowRender: (report) => (
                  <ReviewDetail report={report} planId={taskById.get(report.itemId)?.planId} />
                ),
              }}
              columns={[
                {
                  title: t('planView.tasks'),
                  render: (_: unknown, report) => {
                    const task = taskById.get(report.itemId);
                    return task ? (
                      <a
                        onClick={() => void navigate(`/plans/${task.planId}/tasks/${task.id}`)}
                      >{`${task.number} ${task.title}`}</a>
                    ) : (
                      report.itemId
                    );
                  },
                },
                {
                  title: t('report.unit'),
                  width: 140,
                  render: (_: unknown, report) => units.nameOf(report.unitId),
                },
                {
                  title: t('planView.progress'),
                  width: 130,
                  render: (_: unknown, report) => <Progress size="small" percent={report.percent} />,
                },
                {
                  title: t('review.submittedAt'),
                  width: 120,
                  render: (_: unknown, report) => report.submittedAt?.slice(0, 10) ?? '',
                },
                {
                  title: t('common.actions'),
                  width: 160,
                  render: (_: unknown, report) => (
                    <Space>
                      <Popconfirm
                        title={t('review.acceptConfirm')}
                        onConfirm={() => {
                          void act(report, 'accept');
                        }}
                      >
                        <Button type="primary" size="small" loading={busy === report.id}>
                          {t('review.accept')}
                        </Button>
                      </Popconfirm>
                      <Button
                        danger
                        size="small"
                        onClick={() => {
                          setReturning(report);
                        }}
                      >
                        {t('review.return')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            className="yd-card"
            title={period ? `${t('review.notReported')} · ${period.label}` : t('review.notReported')}
          >
            <Table<MissingUnit>
              rowKey="unitId"
              size="small"
              pagination={false}
              dataSource={missing}
              locale={{
                emptyText: (
                  <Empty description={period ? t('review.noneNotReported') : t('myTasks.noPeriod')} />
                ),
              }}
              columns={[
                { title: t('planView.unit'), dataIndex: 'name' },
                {
                  title: t('review.tasksOwed'),
                  width: 100,
                  render: (_: unknown, row) => <Tag color="orange">{row.tasks.length}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={returning !== null}
        title={t('review.return')}
        okText={t('review.return')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy !== null }}
        onOk={() => returning && void act(returning, 'return')}
        onCancel={() => {
          setReturning(null);
        }}
      >
        <Form layout="vertical">
          <Form.Item label={t('review.returnReason')} required htmlFor="return-reason">
            <Input.TextArea
              id="return-reason"
              autoFocus
              autoSize={{ minRows: 3 }}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
          </Form.Item>
          <Checkbox
            checked={noSubstance}
            onChange={(e) => {
              setNoSubstance(e.target.checked);
            }}
            data-testid="return-no-substance"
          >
            {t('review.noSubstance')}
          </Checkbox>
        </Form>
      </Modal>
    </>
  );
}
