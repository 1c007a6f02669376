import { ArrowLeftOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Slider,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type ReportDto, type TargetDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUnits } from '../../components/use-units.js';
import { clearDraft, readDraft, writeDraft } from '../../drafts/drafts.js';
import { useT } from '../../i18n/i18n.js';
import { targetText } from '../../components/target-text.js';
import {
  draftFromReport,
  draftKey,
  emptyDraft,
  fieldsOf,
  isReportDraft,
  type ReportDraft,
} from './report-draft.js';

const newKey = (): string => crypto.randomUUID();

/** The report form: new (task × unit × period in the URL) or an existing draft / returned report. */
export function ReportPage(): ReactNode {
  const t = useT();
  const params = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const units = useUnits();
  const existing = useLoad(
    () => (params.reportId ? api.report(params.reportId) : Promise.resolve(null)),
    [params.reportId],
  );
  const report = existing.data ?? null;
  const itemId = report?.itemId ?? params.itemId ?? '';
  const unitId = report?.unitId ?? params.unitId ?? '';
  const periodId = report?.periodId ?? params.periodId ?? '';
  const tasks = useLoad(() => (itemId ? api.myTasks() : Promise.resolve([])), [itemId]);
  const task = tasks.data?.find((x) => x.id === itemId);
  const plan = useLoad(() => (task ? api.plan(task.planId) : Promise.resolve(null)), [task?.planId]);
  const periods = useLoad(() => (task ? api.periods(task.planId) : Promise.resolve([])), [task?.planId]);
  const targets: TargetDto[] = useMemo(
    () => plan.data?.items.find((i) => i.id === itemId)?.targets ?? [],
    [plan.data, itemId],
  );
  const period = periods.data?.find((p) => p.id === periodId);
  const key = draftKey({
    reportId: params.reportId,
    itemId: params.itemId,
    unitId: params.unitId,
    periodId: params.periodId,
  });

  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (existing.loading) return;
    const saved = readDraft(key, isReportDraft);
    if (saved) {
      setDraft(saved);
      setRestored(true);
    } else {
      setDraft(report ? draftFromReport(report, newKey) : emptyDraft(newKey));
    }
  }, [existing.loading, key, report]);

  const editable = !report || report.state === 'draft' || report.state === 'returned';
  const update = (patch: Partial<ReportDraft>): void => {
    if (!draft) return;
    const next = { ...draft, ...patch };
    setDraft(next);
    writeDraft(key, next);
  };

  const persist = async (submit: boolean): Promise<ReportDto | null> => {
    if (!draft) return null;
    if (submit && !draft.narrative.trim()) {
      void message.warning(t('report.narrativeRequired'));
      return null;
    }
    setBusy(submit ? 'submit' : 'save');
    setError(null);
    try {
      const fields = fieldsOf(draft);
      let saved: ReportDto;
      if (!report) {
        saved = await api.createReport({ ...fields, itemId, unitId, periodId, submit }, draft.idempotencyKey);
      } else {
        saved = await api.updateReport(report, fields);
        if (submit) saved = await api.submitReport(saved, draft.idempotencyKey);
      }
      clearDraft(key);
      setRestored(false);
      void message.success(submit ? t('report.submitted') : t('report.draftSaved'));
      if (submit) void navigate('/my-tasks');
      else if (!report) void navigate(`/reports/${saved.id}`, { replace: true });
      else existing.set(saved);
      return saved;
    } catch (failure) {
      setError(failure);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const uploadFile = async (file: File): Promise<void> => {
    if (!report) {
      void message.info(t('report.saveFirst'));
      return;
    }
    try {
      await api.uploadAttachment(report.id, file, () => undefined);
      attachments.reload();
    } catch (failure) {
      void message.error(errorMessage(failure, t));
    }
  };
  const attachments = useLoad(
    () => (report ? api.attachments(report.id).catch(() => []) : Promise.resolve([])),
    [report?.id],
  );

  return (
    <>
      <PageHeader
        title={t('report.title')}
        sub={task ? `${task.number} ${task.title}` : undefined}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/my-tasks')}>
            {t('common.back')}
          </Button>
        }
      />
      <ErrorAlert error={existing.error ?? tasks.error ?? error} />
      {restored ? (
        <Alert type="info" showIcon title={t('report.draftRestored')} style={{ marginBottom: 16 }} />
      ) : null}
      {report?.state === 'returned' ? (
        <Alert
          type="error"
          showIcon
          title={`${t('myTasks.returnReason')}: ${report.returnReason ?? ''}`}
          style={{ marginBottom: 16 }}
          data-testid="return-reason"
        />
      ) : null}
      {!editable ? (
        <Alert type="success" showIcon title={t('report.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card loading={!draft} className="yd-card">
            {draft ? (
              <Form layout="vertical" disabled={!editable}>
                <Form.Item label={t('report.percent')} required>
                  <Flex gap={16} align="center">
                    <Slider
                      style={{ flex: 1 }}
                      min={0}
                      max={100}
                      value={draft.percent}
                      onChange={(percent: number) => {
                        update({ percent });
                      }}
                      aria-label={t('report.percent')}
                    />
                    <InputNumber
                      min={0}
                      max={100}
                      value={draft.percent}
                      onChange={(v) => {
                        update({ percent: typeof v === 'number' ? v : 0 });
                      }}
                      suffix="%"
                      id="report-percent"
                    />
                  </Flex>
                </Form.Item>
                <Form.Item label={t('report.narrative')} required htmlFor="report-narrative">
                  <Input.TextArea
                    id="report-narrative"
                    autoSize={{ minRows: 4 }}
                    maxLength={10_000}
                    showCount
                    value={draft.narrative}
                    onChange={(e) => {
                      update({ narrative: e.target.value });
                    }}
                  />
                </Form.Item>
                <Form.Item label={t('report.problems')} htmlFor="report-problems">
                  <Input.TextArea
                    id="report-problems"
                    autoSize={{ minRows: 2 }}
                    maxLength={10_000}
                    value={draft.problems}
                    onChange={(e) => {
                      update({ problems: e.target.value });
                    }}
                  />
                </Form.Item>
                <Form.Item label={t('report.nextSteps')} htmlFor="report-next">
                  <Input.TextArea
                    id="report-next"
                    autoSize={{ minRows: 2 }}
                    maxLength={10_000}
                    value={draft.nextSteps}
                    onChange={(e) => {
                      update({ nextSteps: e.target.value });
                    }}
                  />
                </Form.Item>
                {targets.length > 0 ? (
                  <Form.Item label={t('report.actuals')}>
                    <Table<TargetDto>
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={targets}
                      columns={[
                        { title: t('dashboard.metric'), dataIndex: 'metric' },
                        {
                          title: t('task.target'),
                          width: 140,
                          render: (_: unknown, target) => targetText(target),
                        },
                        {
                          title: t('task.actual'),
                          width: 160,
                          render: (_: unknown, target) => (
                            <InputNumber
                              aria-label={`${target.metric} ${t('task.actual')}`}
                              style={{ width: '100%' }}
                              value={draft.actuals[target.id]?.value ?? null}
                              suffix={target.unit || undefined}
                              onChange={(v) => {
                                update({
                                  actuals: {
                                    ...draft.actuals,
                                    [target.id]: {
                                      value: typeof v === 'number' ? v : null,
                                      note: draft.actuals[target.id]?.note ?? '',
                                    },
                                  },
                                });
                              }}
                            />
                          ),
                        },
                        {
                          title: t('report.actualNote'),
                          render: (_: unknown, target) => (
                            <Input
                              aria-label={`${target.metric} ${t('report.actualNote')}`}
                              value={draft.actuals[target.id]?.note ?? ''}
                              onChange={(e) => {
                                update({
                                  actuals: {
                                    ...draft.actuals,
                                    [target.id]: {
                                      value: draft.actuals[target.id]?.value ?? null,
                                      note: e.target.value,
                                    },
                                  },
                                });
                              }}
                            />
                          ),
                        },
                      ]}
                    />
                  </Form.Item>
                ) : null}
                <Form.Item label={t('report.evidence')}>
                  <Upload
                    multiple
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void uploadFile(file);
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />}>{t('report.upload')}</Button>
                  </Upload>
                  <div style={{ marginTop: 8 }}>
                    {(attachments.data ?? []).map((a) => (
                      <div key={a.id}>
                        <a href={api.attachmentUrl(a.id)}>
                          <PaperClipOutlined /> {a.fileName}
                        </a>
                      </div>
                    ))}
                  </div>
                </Form.Item>
                {editable ? (
                  <Space>
                    <Button
                      onClick={() => void persist(false)}
                      loading={busy === 'save'}
                      disabled={busy !== null}
                    >
                      {t('report.saveDraft')}
                    </Button>
                    <Button
                      type="primary"
                      onClick={() => void persist(true)}
                      loading={busy === 'submit'}
                      disabled={busy !== null}
                    >
                      {t('report.submit')}
                    </Button>
                  </Space>
                ) : null}
              </Form>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card className="yd-card" title={t('task.detail')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('report.unit')}>{units.nameOf(unitId)}</Descriptions.Item>
              <Descriptions.Item label={t('task.period')}>
                {period ? `${period.label} · ${t('myTasks.due', { date: period.dueOn })}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('planView.deadline')}>
                {task?.deadlineText ?? task?.deadline ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('planView.status')}>
                {report ? (
                  <Tag>{t(`reportState.${report.state}`)}</Tag>
                ) : (
                  <Tag color="warning">{t('myTasks.notReported')}</Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
            {task ? (
              <>
                <Progress percent={task.percent ?? 0} />
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>
                  {task.text}
                </Typography.Paragraph>
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
