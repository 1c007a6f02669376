import { SUPERVISION_LEVELS, type SupervisionLevel, type SupervisionNoticeDto } from '@yaodian/core';
import { App, Button, DatePicker, Form, Input, Modal, Segmented, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { api, type TaskDto, type UnitDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { PlanPicker } from '../../components/PlanPicker.js';
import { useCurrentPlan } from '../../components/use-plans.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';

/** What the office fills in: the request the server validates again. */
export interface IssueDraft {
  planId: string | undefined;
  level: SupervisionLevel;
  unitIds: string[];
  itemIds: string[];
  reason: string;
  responseDue: string | undefined;
}

export const emptyIssueDraft = (planId: string | undefined): IssueDraft => ({
  planId,
  level: 'blue',
  unitIds: [],
  itemIds: [],
  reason: '',
  responseDue: undefined,
});

/** Whether the draft can be sent: a plan, at least one unit and one task, and a reason. */
export const issueReady = (d: IssueDraft): boolean =>
  d.planId !== undefined && d.unitIds.length > 0 && d.itemIds.length > 0 && d.reason.trim() !== '';

/** The units a task's choice suggests: those that report on the chosen tasks, first chosen first. */
export function unitsOfTasks(tasks: readonly TaskDto[], itemIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of itemIds)
    for (const u of tasks.find((t) => t.id === id)?.reportingUnits ?? [])
      if (!out.includes(u.id)) out.push(u.id);
  return out;
}

/**
 * 下发督办单 by hand: the planning office picks the plan, the tasks (their reporting units are filled in and can be
 * changed), the level, the reason and, if it wants one other than the plan's default, the response date. The
 * server numbers it (督办〔year〕n号) and tells the units; one Idempotency-Key per opened form, so a double click
 * issues one notice.
 */
export function IssueNoticeButton({
  onIssued,
}: {
  onIssued: (notice: SupervisionNoticeDto) => void;
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { plans, planId: currentPlan } = useCurrentPlan();
  const units = useUnits();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<IssueDraft>(emptyIssueDraft(undefined));
  const [tasks, setTasks] = useState<TaskDto[]>([]);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);

  // The plans may arrive after the form opened: then it takes the current one.
  useEffect(() => {
    if (open && !draft.planId && currentPlan) setDraft((d) => ({ ...d, planId: currentPlan }));
  }, [open, draft.planId, currentPlan]);

  useEffect(() => {
    if (!open || !draft.planId) return;
    api.tasks({ planId: draft.planId }).then(setTasks, () => {
      setTasks([]);
    });
  }, [open, draft.planId]);

  const issue = async (): Promise<void> => {
    if (!issueReady(draft) || !draft.planId) return;
    setBusy(true);
    try {
      const { notice } = await api.issueSupervision(
        {
          body: {
            planId: draft.planId,
            level: draft.level,
            unitIds: draft.unitIds,
            itemIds: draft.itemIds,
            reason: draft.reason.trim(),
            ...(draft.responseDue ? { responseDue: draft.responseDue } : {}),
          },
        },
        { headers: { 'Idempotency-Key': key } },
      );
      void message.success(t('sup.issued', { number: notice.number }));
      setOpen(false);
      onIssued(notice);
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const unitOptions = (units.data ?? []).map((u: UnitDto) => ({ value: u.id, label: u.name }));
  return (
    <>
      <Button
        type="primary"
        data-testid="sup-issue-open"
        onClick={() => {
          setDraft(emptyIssueDraft(currentPlan));
          setKey(crypto.randomUUID());
          setOpen(true);
        }}
      >
        {t('sup.issue')}
      </Button>
      <Modal
        open={open}
        title={t('sup.issueTitle')}
        okText={t('sup.issueOk')}
        onOk={() => void issue()}
        onCancel={() => {
          setOpen(false);
        }}
        okButtonProps={{ loading: busy, disabled: !issueReady(draft) }}
        destroyOnHidden
        width={640}
      >
        <Typography.Paragraph type="secondary">{t('sup.issueHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('plans.choose')}>
            <PlanPicker
              plans={plans.data ?? []}
              value={draft.planId}
              onChange={(planId) => {
                setDraft({ ...draft, planId, itemIds: [], unitIds: [] });
              }}
            />
          </Form.Item>
          <Form.Item label={t('sup.tasks')} htmlFor="sup-issue-tasks">
            <Select<string[]>
              id="sup-issue-tasks"
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              value={draft.itemIds}
              onChange={(itemIds) => {
                setDraft({ ...draft, itemIds, unitIds: unitsOfTasks(tasks, itemIds) });
              }}
              options={tasks.map((task) => ({ value: task.id, label: `${task.number} ${task.title}` }))}
            />
          </Form.Item>
          <Form.Item label={t('sup.units')} htmlFor="sup-issue-units">
            <Select<string[]>
              id="sup-issue-units"
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              value={draft.unitIds}
              onChange={(unitIds) => {
                setDraft({ ...draft, unitIds });
              }}
              options={unitOptions}
            />
          </Form.Item>
          <Form.Item label={t('sup.level')}>
            <Segmented<SupervisionLevel>
              value={draft.level}
              onChange={(level) => {
                setDraft({ ...draft, level });
              }}
              options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: t(`sup.level.${l}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('sup.reason')} htmlFor="sup-issue-reason">
            <Input.TextArea
              id="sup-issue-reason"
              rows={3}
              maxLength={1000}
              value={draft.reason}
              onChange={(e) => {
                setDraft({ ...draft, reason: e.target.value });
              }}
            />
          </Form.Item>
          <Form.Item label={t('sup.responseDue')} extra={t('sup.responseDueHint')}>
            <DatePicker
              onChange={(day: Dayjs | null) => {
                setDraft({ ...draft, responseDue: day ? day.format('YYYY-MM-DD') : undefined });
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
