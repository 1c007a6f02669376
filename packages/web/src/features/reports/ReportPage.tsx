import { ArrowLeftOutlined } from '@ant-design/icons';
import { existingReportIdOf } from '@yaodian/core';
import { Alert, App, Button, Card, Col, Form, Row, Space } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import { api, type ReportDto, type TargetDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUnits } from '../../components/use-units.js';
import { clearDraft, readDraft, writeDraft } from '../../drafts/drafts.js';
import { useT } from '../../i18n/i18n.js';
import { ActualsTable } from './ActualsTable.js';
import { EvidenceField } from './EvidenceField.js';
import {
  draftFromReport,
  draftKey,
  emptyDraft,
  fieldsOf,
  isReportDraft,
  overLimit,
  type ReportDraft,
  type TextField,
} from './report-draft.js';
import { ReportTaskCard } from './ReportTaskCard.js';
import { ReportTextFields } from './ReportTextFields.js';

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
  // A new-report URL for a task × unit × period that already has a report (back after submitting, a second
  // tab) opens that report instead of a blank form.
  const already = useLoad(
    () =>
      params.reportId || !params.itemId
        ? Promise.resolve([])
        : api.reports({ itemId: params.itemId, unitId: params.unitId, periodId: params.periodId }),
    [params.reportId, params.itemId, params.unitId, params.periodId],
  );
  const alreadyId = already.data?.[0]?.id;
  useEffect(() => {
    if (alreadyId) void navigate(`/reports/${alreadyId}`, { replace: true });
  }, [alreadyId, navigate]);
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
  const [tooLong, setTooLong] = useState<TextField[]>([]);
  /** The draft created for evidence picked before the first save; every later write goes to it. */
  const created = useRef<Promise<ReportDto> | null>(null);

  // A new report starts from the task's accepted progress (the server's figure), not from 0.
  const startPercent = task?.percent ?? 0;
  const ready = !existing.loading && !already.loading && (report !== null || !tasks.loading);
  useEffect(() => {
    if (!ready) return;
    const saved = readDraft(key, isReportDraft);
    if (saved) {
      setDraft(saved);
      setRestored(true);
    } else {
      setDraft(report ? draftFromReport(report, newKey) : emptyDraft(newKey, startPercent));
    }
  }, [ready, key, report, startPercent]);

  const editable = !report || report.state === 'draft' || report.state === 'returned';
  const update = (patch: Partial<ReportDraft>): void => {
    if (!draft) return;
    const next = { ...draft, ...patch };
    setDraft(next);
    writeDraft(key, next);
  };

  /** The report on the server: the one shown, or the draft made for evidence, or a new draft now. */
  const ensureReport = (current: ReportDraft): Promise<ReportDto> => {
    if (report) return Promise.resolve(report);
    created.current ??= api
      .createReport({ ...fieldsOf(current), itemId, unitId, periodId, submit: false }, current.idempotencyKey)
      .catch((failure: unknown) => {
        created.current = null;
        throw failure;
      });
    return created.current;
  };

  const persist = async (submit: boolean): Promise<ReportDto | null> => {
    if (!draft) return null;
    if (submit && !draft.narrative.trim()) {
      void message.warning(t('report.narrativeRequired'));
      return null;
    }
    const long = overLimit(draft);
    setTooLong(long);
    if (long.length > 0) return null;
    setBusy(submit ? 'submit' : 'save');
    setError(null);
    try {
      const fields = fieldsOf(draft);
      let saved: ReportDto;
      const made = report ?? (created.current ? await created.current : null);
      if (!made) {
        saved = await api.createReport({ ...fields, itemId, unitId, periodId, submit }, draft.idempotencyKey);
      } else {
        saved = await api.updateReport(made, fields);
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

  // Evidence can be picked at any time: on a new report the draft is saved first (once for all files).
  const uploadFile = async (file: File): Promise<void> => {
    if (!draft) return;
    try {
      const target = await ensureReport(draft);
      await api.uploadAttachment(target.id, file, () => undefined);
      void message.success(t('report.uploaded', { name: file.name }));
      if (!report) {
        clearDraft(key);
        void navigate(`/reports/${target.id}`, { replace: true });
      } else attachments.reload();
    } catch (failure) {
      void message.error(errorMessage(failure, t));
    }
  };
  const removeAttachment = async (id: string): Promise<void> => {
    try {
      await api.deleteAttachment(id);
      void message.success(t('report.attachmentRemoved'));
    } catch (failure) {
      void message.error(errorMessage(failure, t));
    }
    attachments.reload();
  };
  const attachments = useLoad(
    () => (report ? api.attachments(report.id).catch(() => []) : Promise.resolve([])),
    [report?.id],
  );
  const existingId =
    error instanceof ApiError && error.code === 'duplicate' ? existingReportIdOf(error.details) : null;
  const evidenceRequired = plan.data?.settings.evidenceRequired === true;

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
      {existingId ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('report.existing')}
          data-testid="existing-report"
          action={
            <Button
              onClick={() => {
                setError(null);
                void navigate(`/reports/${existingId}`, { replace: true });
              }}
            >
              {t('report.openExisting')}
            </Button>
          }
        />
      ) : (
        <ErrorAlert error={existing.error ?? tasks.error ?? error} />
      )}
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
                <ReportTextFields draft={draft} update={update} tooLong={tooLong} />
                <ActualsTable targets={targets} draft={draft} update={update} />
                <EvidenceField
                  attachments={attachments.data ?? []}
                  editable={editable}
                  evidenceRequired={evidenceRequired}
                  uploadFile={uploadFile}
                  removeAttachment={removeAttachment}
                />
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
          <ReportTaskCard unitName={units.nameOf(unitId)} period={period} task={task} report={report} />
        </Col>
      </Row>
    </>
  );
}
