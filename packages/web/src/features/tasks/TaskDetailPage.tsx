import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  List,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type ReportDto, type TargetAttainmentDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusTag } from '../../components/StatusTag.js';
import { STATUS_COLOR } from '../../components/status.js';
import { targetText } from '../../components/target-text.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';
import { InstructionsCard } from '../leaders/InstructionsCard.js';
import { TargetHistoryCard } from './TargetHistoryCard.js';
import { MilestonesCard } from '../milestones/MilestonesCard.js';

export function TaskDetailPage(): ReactNode {
  const t = useT();
  const { planId = '', taskId = '' } = useParams();
  const navigate = useNavigate();
  const plan = useLoad(() => api.plan(planId), [planId]);
  const tasks = useLoad(() => api.tasks({ planId }), [planId]);
  const reports = useLoad(() => api.reports({ itemId: taskId }), [taskId]);
  const periods = useLoad(() => api.periods(planId), [planId]);
  // Latest accepted actual, attainment and the value awaiting review: the server's, never worked out here.
  const attainment = useLoad(() => api.attainment(planId), [planId]);
  const units = useUnits();
  const item = plan.data?.items.find((i) => i.id === taskId);
  const task = tasks.data?.find((x) => x.id === taskId);
  const targets = (attainment.data?.targets ?? []).filter((x) => x.itemId === taskId);
  const periodLabel = (id: string): string => periods.data?.find((p) => p.id === id)?.label ?? '';
  const history = [...(reports.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <>
      <PageHeader
        title={item ? `${item.number} ${item.title}` : t('task.detail')}
        sub={plan.data?.title}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/plans/${planId}`)}>
            {t('common.back')}
          </Button>
        }
      />
      <ErrorAlert error={plan.error ?? tasks.error ?? reports.error} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card className="yd-card" title={t('task.detail')} loading={plan.loading || tasks.loading}>
            {item ? (
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('planView.status')}>
                  {task ? (
                    <Space wrap>
                      <StatusTag status={task.status} />
                      <Typography.Text type="secondary">{task.statusReason}</Typography.Text>
                    </Space>
                  ) : null}
                </Descriptions.Item>
                <Descriptions.Item label={t('task.percent')}>
                  <Progress
                    percent={task?.percent ?? 0}
                    strokeColor={task ? STATUS_COLOR[task.status] : undefined}
                    style={{ maxWidth: 360 }}
                  />
                </Descriptions.Item>
                <Descriptions.Item label={t('task.source')}>
                  <Typography.Paragraph
                    style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                    data-testid="task-source"
                  >
                    {item.text || item.title}
                  </Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label={t('planView.lead')}>
                  {task?.leadUnits.map((u) => (
                    <Tag key={u.id} color="red">
                      {u.name}
                    </Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('planView.support')}>
                  {task?.supportUnits.map((u) => (
                    <Tag key={u.id}>{u.name}</Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('planView.deadline')}>
                  {item.deadlineText ?? item.deadline ?? ''}
                </Descriptions.Item>
              </Descriptions>
            ) : null}
          </Card>
          <Card className="yd-card" title={t('task.targets')}>
            <Table<TargetAttainmentDto>
              rowKey="targetId"
              size="small"
              pagination={false}
              loading={attainment.loading}
              dataSource={targets}
              locale={{ emptyText: t('common.empty') }}
              columns={[
                { title: t('dashboard.metric'), dataIndex: 'metric' },
                { title: t('task.target'), render: (_: unknown, target) => targetText(target) },
                {
                  title: t('task.actual'),
                  render: (_: unknown, target) => (
                    <Space wrap>
                      <span>{target.latest ?? t('task.noActual')}</span>
                      {target.pending ? (
                        <Tag color="blue">{`${t('reportState.submitted')} ${String(target.pending.value)}`}</Tag>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t('task.attained'),
                  render: (_: unknown, target) =>
                    target.attainment === null ? (
                      <Typography.Text type="secondary">{t('task.noActual')}</Typography.Text>
                    ) : (
                      <Tag color={target.met ? 'green' : 'orange'}>{`${String(target.attainment)}%`}</Tag>
                    ),
                },
                {
                  title: t('importReview.direction'),
                  render: (_: unknown, target) => t(`direction.${target.direction}`),
                },
              ]}
            />
          </Card>
          <TargetHistoryCard targetIds={targets.map((x) => x.targetId)} />
          {task ? (
            <MilestonesCard
              taskId={taskId}
              leadUnitIds={task.reportingUnits.map((u) => u.id)}
              onChanged={tasks.reload}
            />
          ) : null}
          <Card className="yd-card" title={t('task.history')} loading={reports.loading}>
            {history.length === 0 ? (
              <Empty description={t('common.empty')} />
            ) : (
              <Timeline
                items={history.map((report) => ({
                  key: report.id,
                  color: report.state === 'accepted' ? 'green' : report.state === 'returned' ? 'red' : 'blue',
                  content: (
                    <HistoryEntry
                      report={report}
                      period={periodLabel(report.periodId)}
                      unit={units.nameOf(report.unitId)}
                    />
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <InstructionsCard taskId={taskId} />
          <Comments itemId={taskId} />
        </Col>
      </Row>
    </>
  );
}

function HistoryEntry({
  report,
  period,
  unit,
}: {
  report: ReportDto;
  period: string;
  unit: string;
}): ReactNode {
  const t = useT();
  const attachments = useLoad(() => api.attachments(report.id).catch(() => []), [report.id]);
  return (
    <div>
      <Space wrap>
        <Typography.Text strong>{period}</Typography.Text>
        <Typography.Text>{unit}</Typography.Text>
        <Tag>{t(`reportState.${report.state}`)}</Tag>
        <Typography.Text type="secondary">{`${report.percent}%`}</Typography.Text>
      </Space>
      {report.narrative ? (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}
        >{`${t('report.narrative')}: ${report.narrative}`}</Typography.Paragraph>
      ) : null}
      {report.problems ? (
        <Typography.Paragraph
          type="secondary"
          style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}
        >{`${t('report.problems')}: ${report.problems}`}</Typography.Paragraph>
      ) : null}
      {report.returnReason ? (
        <Typography.Paragraph
          type="danger"
          style={{ margin: '4px 0' }}
        >{`${t('myTasks.returnReason')}: ${report.returnReason}`}</Typography.Paragraph>
      ) : null}
      {(attachments.data ?? []).map((a) => (
        <div key={a.id}>
          <a href={api.attachmentUrl(a.id)}>
            <PaperClipOutlined /> {a.fileName}
          </a>
        </div>
      ))}
    </div>
  );
}

function Comments({ itemId }: { itemId: string }): ReactNode {
  const t = useT();
  const { allowed } = useAuth();
  const { message } = App.useApp();
  const comments = useLoad(() => api.comments(itemId), [itemId]);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const post = async (): Promise<void> => {
    setBusy(true);
    try {
      comments.set(await api.addComment(itemId, body.trim()));
      setBody('');
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="yd-card" title={t('task.comments')}>
      {comments.error ? <Typography.Text type="secondary">{t('common.notAvailable')}</Typography.Text> : null}
      <List
        dataSource={comments.data ?? []}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <List.Item.Meta
              title={
                <Space>
                  <span>{c.authorName}</span>
                  <Typography.Text type="secondary">
                    {c.createdAt.slice(0, 16).replace('T', ' ')}
                  </Typography.Text>
                </Space>
              }
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>}
            />
          </List.Item>
        )}
      />
      {allowed('comment.write') ? (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input.TextArea
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
            }}
            placeholder={t('task.commentPlaceholder')}
            autoSize={{ minRows: 2 }}
            aria-label={t('task.addComment')}
          />
          <Button type="primary" disabled={!body.trim()} loading={busy} onClick={() => void post()}>
            {t('task.addComment')}
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}
