import { Card, Descriptions, Progress, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { PeriodDto, ReportDto, TaskDto } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  unitName: string;
  period: PeriodDto | undefined;
  task: TaskDto | undefined;
  report: ReportDto | null;
}

/** Beside the form: the unit, the period and its due date, the task's deadline, state, progress and text. */
export function ReportTaskCard({ unitName, period, task, report }: Props): ReactNode {
  const t = useT();
  return (
    <Card className="yd-card" title={t('task.detail')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('report.unit')}>{unitName}</Descriptions.Item>
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
  );
}
