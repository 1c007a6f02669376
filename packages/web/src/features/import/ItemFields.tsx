import { Button, Checkbox, DatePicker, Form, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { ItemDto, PlanDetailDto } from '../../api/endpoints.js';
import { api } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  plan: PlanDetailDto;
  item: ItemDto;
  editable: boolean;
  /** Runs a write that answers with the whole plan; the page shows errors and the new plan. */
  run: (write: () => Promise<PlanDetailDto>) => Promise<void>;
}

/** An item's own fields: number, title, whether it is a task, and its deadline. */
export function ItemFields({ plan, item, editable, run }: Props): ReactNode {
  const t = useT();
  const [title, setTitle] = useState(item.title);
  const [number, setNumber] = useState(item.number);
  useEffect(() => {
    setTitle(item.title);
    setNumber(item.number);
  }, [item.id, item.title, item.number]);
  return (
    <Form layout="vertical" disabled={!editable}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          label={t('importReview.number')}
          style={{ width: 110, marginBottom: 12 }}
          htmlFor="item-number"
        >
          <Input
            id="item-number"
            value={number}
            onChange={(e) => {
              setNumber(e.target.value);
            }}
          />
        </Form.Item>
        <Form.Item
          label={t('importReview.itemTitle')}
          style={{ flex: 1, marginBottom: 12 }}
          htmlFor="item-title"
        >
          <Input
            id="item-title"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
            onPressEnter={() =>
              void run(() => api.updateItem(plan.id, item, { title: title.trim(), number: number.trim() }))
            }
          />
        </Form.Item>
      </Space.Compact>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          disabled={!title.trim() || (title === item.title && number === item.number)}
          onClick={() =>
            void run(() => api.updateItem(plan.id, item, { title: title.trim(), number: number.trim() }))
          }
        >
          {t('common.save')}
        </Button>
        <Checkbox
          checked={item.isTask}
          onChange={(e) => void run(() => api.updateItem(plan.id, item, { isTask: e.target.checked }))}
        >
          {t('importReview.isTask')}
        </Checkbox>
        <DatePicker
          placeholder={t('importReview.deadline')}
          aria-label={t('importReview.deadline')}
          value={item.deadline ? dayjs(item.deadline) : null}
          onChange={(d) =>
            void run(() => api.updateItem(plan.id, item, { deadline: d ? d.format('YYYY-MM-DD') : null }))
          }
        />
        {item.deadlineText ? <Typography.Text type="secondary">{item.deadlineText}</Typography.Text> : null}
      </Space>
    </Form>
  );
}
