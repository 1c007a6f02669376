import { REPORT_TEXT_MAX } from '@yaodian/core';
import { Flex, Form, Input, InputNumber, Slider } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n.js';
import type { ReportDraft, TextField } from './report-draft.js';

interface Props {
  draft: ReportDraft;
  update: (patch: Partial<ReportDraft>) => void;
  /** Fields found over `REPORT_TEXT_MAX` on the last save; each says so under itself. */
  tooLong: readonly TextField[];
}

/** The report's percent and its three texts (narrative, problems, next steps), each with its length limit. */
export function ReportTextFields({ draft, update, tooLong }: Props): ReactNode {
  const t = useT();
  const labels: Record<TextField, string> = {
    narrative: t('report.narrative'),
    problems: t('report.problems'),
    nextSteps: t('report.nextSteps'),
  };
  const tooLongProps = (field: TextField): { validateStatus?: 'error'; help?: string } =>
    tooLong.includes(field)
      ? {
          validateStatus: 'error',
          help: t('report.tooLong', {
            field: labels[field],
            limit: REPORT_TEXT_MAX,
            n: draft[field].length,
          }),
        }
      : {};
  return (
    <>
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
      <Form.Item
        label={t('report.narrative')}
        required
        htmlFor="report-narrative"
        {...tooLongProps('narrative')}
      >
        <Input.TextArea
          id="report-narrative"
          autoSize={{ minRows: 4 }}
          count={{ show: true, max: REPORT_TEXT_MAX }}
          value={draft.narrative}
          onChange={(e) => {
            update({ narrative: e.target.value });
          }}
        />
      </Form.Item>
      <Form.Item label={t('report.problems')} htmlFor="report-problems" {...tooLongProps('problems')}>
        <Input.TextArea
          id="report-problems"
          autoSize={{ minRows: 2 }}
          count={{ show: true, max: REPORT_TEXT_MAX }}
          value={draft.problems}
          onChange={(e) => {
            update({ problems: e.target.value });
          }}
        />
      </Form.Item>
      <Form.Item label={t('report.nextSteps')} htmlFor="report-next" {...tooLongProps('nextSteps')}>
        <Input.TextArea
          id="report-next"
          autoSize={{ minRows: 2 }}
          count={{ show: true, max: REPORT_TEXT_MAX }}
          value={draft.nextSteps}
          onChange={(e) => {
            update({ nextSteps: e.target.value });
          }}
        />
      </Form.Item>
    </>
  );
}
