import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowRightOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Select, Space, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ItemDto, PlanDetailDto } from '../../api/endpoints.js';
import { api } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';
import { siblingsOf } from '../plans/tree.js';

interface Props {
  plan: PlanDetailDto;
  item: ItemDto;
  editable: boolean;
  /** Runs a write that answers with the whole plan; the page shows errors and the new plan. */
  run: (write: () => Promise<PlanDetailDto>) => Promise<void>;
}

/** Where an item sits in the tree and how it is cut: move, indent, merge, delete, split, add beside or under. */
export function ItemStructure({ plan, item, editable, run }: Props): ReactNode {
  const t = useT();
  const [splitAt, setSplitAt] = useState<number | undefined>(undefined);
  const [newTitle, setNewTitle] = useState('');
  const splitOptions = item.splitOffsets.map((offset) => ({
    value: offset,
    label: `…${item.text.slice(Math.max(0, offset - 12), offset).trim()} ‖ ${item.text.slice(offset, offset + 16).trim()}…`,
  }));
  const add = (placement: { parentId: string | null } | { afterId: string }): void => {
    const title = newTitle.trim();
    if (!title) return;
    void run(() => api.addItem(plan, { id: crypto.randomUUID(), title, placement })).then(() => {
      setNewTitle('');
    });
  };
  const { siblings, index } = siblingsOf(plan.items, item);
  const previous = siblings[index - 1];
  return (
    <Form layout="vertical" disabled={!editable}>
      <Space wrap>
        <Tooltip title={t('importReview.moveUp')}>
          <Button
            aria-label={t('importReview.moveUp')}
            icon={<ArrowUpOutlined />}
            disabled={index <= 0}
            onClick={() => void run(() => api.moveItem(plan.id, item, item.parentId, index - 1))}
          />
        </Tooltip>
        <Tooltip title={t('importReview.moveDown')}>
          <Button
            aria-label={t('importReview.moveDown')}
            icon={<ArrowDownOutlined />}
            disabled={index >= siblings.length - 1}
            onClick={() => void run(() => api.moveItem(plan.id, item, item.parentId, index + 1))}
          />
        </Tooltip>
        <Tooltip title={t('importReview.outdent')}>
          <Button
            aria-label={t('importReview.outdent')}
            icon={<ArrowLeftOutlined />}
            disabled={!item.parentId}
            onClick={() => {
              const parent = plan.items.find((i) => i.id === item.parentId);
              if (parent)
                void run(() =>
                  api.moveItem(plan.id, item, parent.parentId, siblingsOf(plan.items, parent).index + 1),
                );
            }}
          />
        </Tooltip>
        <Tooltip title={t('importReview.indent')}>
          <Button
            aria-label={t('importReview.indent')}
            icon={<ArrowRightOutlined />}
            disabled={!previous}
            onClick={() => {
              if (previous)
                void run(() =>
                  api.moveItem(
                    plan.id,
                    item,
                    previous.id,
                    plan.items.filter((i) => i.parentId === previous.id).length,
                  ),
                );
            }}
          />
        </Tooltip>
        <Button
          icon={<MergeCellsOutlined />}
          disabled={!previous}
          onClick={() => previous && void run(() => api.mergeItem(plan.id, item, previous))}
        >
          {t('importReview.merge')}
        </Button>
        <Popconfirm
          title={t('importReview.deleteConfirm')}
          onConfirm={() => void run(() => api.deleteItem(plan.id, item))}
        >
          <Button danger icon={<DeleteOutlined />}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <Select
          style={{ flex: 1 }}
          aria-label={t('importReview.splitAt')}
          placeholder={item.splitOffsets.length ? t('importReview.splitAt') : t('importReview.noSplit')}
          disabled={!editable || item.splitOffsets.length === 0}
          value={splitAt}
          onChange={(v: number) => {
            setSplitAt(v);
          }}
          options={splitOptions}
          data-testid="split-at"
        />
        <Button
          disabled={splitAt === undefined}
          onClick={() => {
            if (splitAt !== undefined) void run(() => api.splitItem(plan.id, item, splitAt));
          }}
        >
          {t('importReview.split')}
        </Button>
      </Space.Compact>
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <Input
          aria-label={t('importReview.addTitle')}
          placeholder={t('importReview.addTitle')}
          maxLength={500}
          value={newTitle}
          onChange={(e) => {
            setNewTitle(e.target.value);
          }}
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!newTitle.trim()}
          onClick={() => {
            add({ afterId: item.id });
          }}
        >
          {t('importReview.addSibling')}
        </Button>
        <Button
          disabled={!newTitle.trim()}
          onClick={() => {
            add({ parentId: item.id });
          }}
        >
          {t('importReview.addChild')}
        </Button>
      </Space.Compact>
    </Form>
  );
}
