import type { PublicPlan } from '@yaodian/core';
import { Card, Empty, List, Result, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/endpoints.js';
import { targetText } from '../../components/target-text.js';
import { useLoad } from '../../api/use-load.js';
import { useT } from '../../i18n/i18n.js';

const STATUS_COLOR: Record<string, string> = {
  done: 'green',
  on_track: 'blue',
  at_risk: 'gold',
  behind: 'orange',
  overdue: 'red',
  not_started: 'default',
};

/**
 * 公示: the plan read-only for anyone, without the app shell (no menu, no sign-in), one column so a phone
 * reads it. What it shows is what the server's public answer holds: no person, no narrative.
 */
export function PublicPlanView({ plan }: { plan: PublicPlan }): ReactNode {
  const t = useT();
  return (
    <div style={{ maxWidth: 860, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {plan.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {plan.commission} · {t('public.title')}
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {plan.sections.map((section) => (
          <Card
            key={`${section.number}${section.title}`}
            title={`${section.number} ${section.title}`}
            size="small"
          >
            <List
              dataSource={section.tasks}
              renderItem={(task) => (
                <List.Item>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>
                        {task.number} {task.title}
                      </Typography.Text>
                      <Tag color={STATUS_COLOR[task.status ?? ''] ?? 'default'}>
                        {task.status ? t(`status.${task.status}`) : t('public.statusNone')}
                      </Tag>
                    </Space>
                    {task.units.length > 0 ? (
                      <Typography.Text type="secondary">
                        {t('public.unitsLine', { units: task.units.join(t('common.sep')) })}
                      </Typography.Text>
                    ) : null}
                    {task.targets.map((target) => (
                      <Typography.Text key={target.metric}>
                        {t('public.targetLine', {
                          target: `${target.metric} ${targetText(target)}`,
                          latest:
                            target.latest === null
                              ? t('public.none')
                              : t('public.latestValue', {
                                  value: `${String(target.latest)}${target.unit}`,
                                  period: target.latestPeriod ?? '',
                                }),
                        })}
                      </Typography.Text>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ))}
        {plan.sections.length === 0 ? <Empty /> : null}
      </Space>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
        {t('public.footer')}
      </Typography.Paragraph>
    </div>
  );
}

export function PublicPlanPage(): ReactNode {
  const t = useT();
  const { publicId = '' } = useParams();
  const page = useLoad(() => api.publicPlan({ params: { publicId } }), [publicId]);
  if (page.error) return <Result status="404" title={t('public.notFound')} />;
  if (!page.data) return null;
  return <PublicPlanView plan={page.data} />;
}
