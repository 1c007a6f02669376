import type { CalendarDay, WorkingCalendar } from '@yaodian/core';
import { Alert, App, Calendar, Flex, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

interface Editing {
  date: string;
  workday: boolean;
  note: string;
  overridden: boolean;
}

/**
 * The working-day calendar due dates and reminders count on: the national holidays and 调休 the server
 * knows, and the commission's own overrides, which the administrator sets by clicking a day.
 */
export function CalendarTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { allowed } = useAuth();
  const canEdit = allowed('calendar.manage');
  const [year, setYear] = useState(() => dayjs().year());
  const loaded = useLoad(() => api.workingCalendar({ query: { year } }), [year]);
  const [calendar, setCalendar] = useState<WorkingCalendar | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const shown = calendar?.year === year ? calendar : (loaded.data ?? null);
  const byDate = useMemo(
    () => new Map<string, CalendarDay>((shown?.days ?? []).map((d) => [d.date, d])),
    [shown],
  );

  const open = (value: Dayjs): void => {
    if (!canEdit) return;
    const date = value.format('YYYY-MM-DD');
    const day = byDate.get(date);
    const weekday = value.day() !== 0 && value.day() !== 6;
    setEditing({
      date,
      workday: day ? day.workday : weekday,
      note: day?.override?.note ?? '',
      overridden: day?.override != null,
    });
  };

  const save = async (clear: boolean): Promise<void> => {
    if (!editing) return;
    try {
      const next = clear
        ? await api.clearCalendarDay({ params: { date: editing.date } })
        : await api.setCalendarDay({
            params: { date: editing.date },
            body: { workday: editing.workday, note: editing.note.trim() },
          });
      setCalendar(next);
      setEditing(null);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  const cell = (value: Dayjs): ReactNode => {
    const day = byDate.get(value.format('YYYY-MM-DD'));
    if (!day) return null;
    return (
      <Space orientation="vertical" size={2}>
        <Tag color={day.workday ? 'blue' : 'red'} variant="filled">
          {day.workday ? t('calendar.work') : t('calendar.rest')}
          {day.holiday ? ` · ${day.holiday}` : ''}
        </Tag>
        {day.override ? (
          <Tag color="gold" variant="filled">
            {day.override.note
              ? t('calendar.overriddenNote', { note: day.override.note })
              : t('calendar.overridden')}
          </Tag>
        ) : null}
      </Space>
    );
  };

  return (
    <>
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <Typography.Paragraph type="secondary">{t('calendar.explain')}</Typography.Paragraph>
      {shown && !shown.nationalDataCovers ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('calendar.noNationalData', { year })}
        />
      ) : null}
      {shown ? (
        <Flex wrap gap={4} style={{ marginBottom: 12 }} aria-label={t('calendar.perMonth')}>
          {shown.workdaysPerMonth.map((n, i) => (
            <Tag key={i}>{t('calendar.monthDays', { month: i + 1, n })}</Tag>
          ))}
        </Flex>
      ) : null}
      <Calendar
        cellRender={(value, info) => (info.type === 'date' ? cell(value) : null)}
        onPanelChange={(value) => {
          setYear(value.year());
        }}
        onSelect={(value, info) => {
          if (info.source === 'date') open(value);
        }}
      />
      <Modal
        open={editing !== null}
        title={editing ? t('calendar.editTitle', { date: editing.date }) : ''}
        onCancel={() => {
          setEditing(null);
        }}
        onOk={() => void save(false)}
        footer={(_, { OkBtn, CancelBtn }) => (
          <>
            {editing?.overridden ? (
              <a style={{ float: 'left', lineHeight: '32px' }} onClick={() => void save(true)} role="button">
                {t('calendar.clear')}
              </a>
            ) : null}
            <CancelBtn />
            <OkBtn />
          </>
        )}
      >
        {editing ? (
          <Form layout="vertical">
            <Form.Item label={t('calendar.kind')}>
              <Radio.Group
                value={editing.workday}
                onChange={(e) => {
                  setEditing({ ...editing, workday: e.target.value as boolean });
                }}
                options={[
                  { value: true, label: t('calendar.workday') },
                  { value: false, label: t('calendar.restday') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('calendar.note')} htmlFor="calendar-note">
              <Input
                id="calendar-note"
                maxLength={200}
                value={editing.note}
                onChange={(e) => {
                  setEditing({ ...editing, note: e.target.value });
                }}
              />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
