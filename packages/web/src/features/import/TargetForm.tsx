import { TARGET_OPS, type TargetOp } from '@yaodian/core';
import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { TargetFields } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';

/** The fields of one target: metric, operator, value or range, unit of measure, direction, deadline. */
export function TargetForm({
  fields,
  onChange,
}: {
  fields: TargetFields;
  onChange: (fields: TargetFields) => void;
}): ReactNode {
  const t = useT();
  return (
    <Form layout="vertical">
      <Form.Item label={t('importReview.metric')} htmlFor="target-metric">
        <Input
          id="target-metric"
          value={fields.metric}
          onChange={(e) => {
            onChange({ ...fields, metric: e.target.value });
          }}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('importReview.op')}>
          <Select
            style={{ width: 110 }}
            value={fields.op}
            onChange={(op: TargetOp) => {
              onChange({ ...fields, op });
            }}
            options={TARGET_OPS.map((op) => ({ value: op, label: t(`op.${op}`) }))}
          />
        </Form.Item>
        {fields.op === 'range' ? (
          <>
            <Form.Item label={t('importReview.lo')}>
              <InputNumber
                value={fields.lo}
                onChange={(v) => {
                  onChange({ ...fields, lo: typeof v === 'number' ? v : null });
                }}
              />
            </Form.Item>
            <Form.Item label={t('importReview.hi')}>
              <InputNumber
                value={fields.hi}
                onChange={(v) => {
                  onChange({ ...fields, hi: typeof v === 'number' ? v : null });
                }}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t('importReview.value')}>
            <InputNumber
              value={fields.value}
              onChange={(v) => {
                onChange({ ...fields, value: typeof v === 'number' ? v : null });
              }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('importReview.unitOfMeasure')}>
          <Input
            style={{ width: 100 }}
            value={fields.unit}
            onChange={(e) => {
              onChange({ ...fields, unit: e.target.value });
            }}
          />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item label={t('importReview.direction')}>
          <Select
            style={{ width: 140 }}
            value={fields.direction}
            allowClear
            onChange={(direction?: 'higher' | 'lower') => {
              onChange({ ...fields, direction });
            }}
            options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('importReview.targetDeadline')}>
          <DatePicker
            value={fields.deadline ? dayjs(fields.deadline) : null}
            onChange={(d) => {
              onChange({ ...fields, deadline: d ? d.format('YYYY-MM-DD') : null });
            }}
          />
        </Form.Item>
      </Space>
    </Form>
  );
}
