import { PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Flex, Image, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api, type ReportDto, type TargetDto } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { targetText } from '../../components/target-text.js';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/** The latest accepted report of the same task and unit before this one (by period), if any. */
export function previousAccepted(
  report: Pick<ReportDto, 'id' | 'periodId'>,
  accepted: readonly ReportDto[],
  periodStart: (periodId: string) => string,
): ReportDto | undefined {
  const mine = periodStart(report.periodId);
  return accepted
    .filter((r) => r.id !== report.id && periodStart(r.periodId) < mine)
    .sort((a, b) => periodStart(b.periodId).localeCompare(periodStart(a.periodId)))[0];
}

/**
 * What a reviewer needs before deciding: the texts, the actual values against the targets, the evidence
 * (images previewed, every file downloadable) and the unit's previous accepted report.
 */
export function ReviewDetail({
  report,
  planId,
}: {
  report: ReportDto;
  planId: string | undefined;
}): ReactNode {
  const t = useT();
  const plan = useLoad(() => (planId ? api.plan(planId) : Promise.resolve(null)), [planId]);
  const periods = useLoad(() => (planId ? api.periods(planId) : Promise.resolve([])), [planId]);
  const attachments = useLoad(() => api.attachments(report.id), [report.id]);
  const accepted = useLoad(
    () => api.reports({ itemId: report.itemId, unitId: report.unitId, state: 'accepted' }),
    [report.itemId, report.unitId],
  );
  const targets: TargetDto[] = plan.data?.items.find((i) => i.id === report.itemId)?.targets ?? [];
  const periodOf = (id: string) => periods.data?.find((p) => p.id === id);
  const previous = previousAccepted(report, accepted.data ?? [], (id) => periodOf(id)?.startsOn ?? '');
  const actualOf = (targetId: string) => report.actuals.find((a) => a.targetId === targetId);

  return (
    <Flex vertical gap={12} style={{ whiteSpace: 'pre-wrap' }} data-testid="review-detail">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('report.narrative')}>{report.narrative}</Descriptions.Item>
        <Descriptions.Item label={t('report.problems')}>{report.problems}</Descriptions.Item>
        <Descriptions.Item label={t('report.nextSteps')}>{report.nextSteps}</Descriptions.Item>
      </Descriptions>
      {targets.length > 0 ? (
        <Table<TargetDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={targets}
          title={() => t('report.actuals')}
          columns={[
            { title: t('dashboard.metric'), dataIndex: 'metric' },
            { title: t('task.target'), width: 160, render: (_: unknown, target) => targetText(target) },
            {
              title: t('review.reportedActual'),
              width: 160,
              render: (_: unknown, target) => {
                const actual = actualOf(target.id);
                return actual ? `${String(actual.value)}${target.unit}` : t('task.noActual');
              },
            },
            {
              title: t('report.actualNote'),
              render: (_: unknown, target) => actualOf(target.id)?.note ?? '',
            },
          ]}
        />
      ) : null}
      <div>
        <Typography.Text strong>{`${t('report.evidence')}: `}</Typography.Text>
        {(attachments.data ?? []).length === 0 ? (
          <Typography.Text type="secondary">{t('review.noEvidence')}</Typography.Text>
        ) : (
          <Flex gap={12} wrap="wrap" data-testid="review-attachments">
            {(attachments.data ?? []).map((a) => (
              <Flex key={a.id} vertical gap={4}>
                {IMAGE_TYPES.has(a.mediaType) ? (
                  <Image width={96} src={api.attachmentUrl(a.id)} alt={a.fileName} />
                ) : null}
                <a href={api.attachmentUrl(a.id)}>
                  <PaperClipOutlined /> {a.fileName}
                </a>
              </Flex>
            ))}
          </Flex>
        )}
      </div>
      <div data-testid="review-previous">
        <Typography.Text strong>{`${t('review.previousAccepted')}: `}</Typography.Text>
        {previous ? (
          <Typography.Text>
            {`${periodOf(previous.periodId)?.label ?? ''} · ${String(previous.percent)}% · ${previous.narrative}`}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('review.noPrevious')}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}
