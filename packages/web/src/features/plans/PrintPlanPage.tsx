import { Button, Spin } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useToday } from '../../components/use-today.js';
import { useT } from '../../i18n/i18n.js';
import { targetText } from '../../components/target-text.js';

/** The plan as a 推进表 on paper: one row per task, section rows across the table, A4 landscape. */
export function PrintPlanPage(): ReactNode {
  const t = useT();
  const { planId = '' } = useParams();
  const today = useToday();
  const plan = useLoad(() => api.plan(planId), [planId]);
  const tasks = useLoad(() => api.tasks({ planId }), [planId]);
  if (plan.error || tasks.error) return <ErrorAlert error={plan.error ?? tasks.error} />;
  if (!plan.data || !tasks.data) return <Spin style={{ margin: 80 }} />;
  const items = plan.data.items;
  const sections = items.filter((i) => i.parentId === null);
  const taskRows = tasks.data;
  const itemById = new Map(items.map((i) => [i.id, i]));
  let serial = 0;
  return (
    <div className="yd-print-page">
      <div className="yd-no-print" style={{ textAlign: 'right', marginBottom: 8 }}>
        <Button
          type="primary"
          onClick={() => {
            window.print();
          }}
        >
          {t('common.print')}
        </Button>
      </div>
      <h1>{t('print.title', { title: plan.data.title })}</h1>
      <p style={{ textAlign: 'right' }}>{t('print.generated', { date: today })}</p>
      <table>
        <thead>
          <tr>
            <th style={{ width: 40 }}>#</th>
            <th>{t('planView.tasks')}</th>
            <th style={{ width: 110 }}>{t('planView.lead')}</th>
            <th style={{ width: 120 }}>{t('planView.support')}</th>
            <th style={{ width: 120 }}>{t('task.targets')}</th>
            <th style={{ width: 80 }}>{t('planView.deadline')}</th>
            <th style={{ width: 200 }}>{t('report.narrative')}</th>
            <th style={{ width: 70 }}>{t('planView.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => {
            const rows = taskRows.filter((task) => task.sectionId === section.id || task.id === section.id);
            return (
              <Fragment key={section.id}>
                <tr className="yd-section-row">
                  <td colSpan={8}>{`${section.number}${section.title}`}</td>
                </tr>
                {rows.map((task) => (
                  <tr key={task.id}>
                    <td>{++serial}</td>
                    <td>{`${task.number} ${task.title}`}</td>
                    <td>{task.leadUnits.map((u) => u.name).join(t('common.sep'))}</td>
                    <td>{task.supportUnits.map((u) => u.name).join(t('common.sep'))}</td>
                    <td>
                      {(itemById.get(task.id)?.targets ?? [])
                        .map((x) => `${x.metric} ${targetText(x)}`)
                        .join('; ')}
                    </td>
                    <td>{task.deadlineText ?? task.deadline ?? ''}</td>
                    <td>{task.latestNarrative ?? ''}</td>
                    <td>{t(`status.${task.status}`)}</td>
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
