import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowRightOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { ASSIGNMENT_ROLES, TARGET_OPS, type AssignmentRole, type TargetOp } from '@yaodian/core';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { ItemDto, PlanDetailDto, TargetDto, TargetFields, UnitDto } from '../../api/endpoints.js';
import { api } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';
import { targetText } from '../../components/target-text.js';
import { siblingsOf } from '../plans/tree.js';
import { suggestUnits } from './unit-suggest.js';

interface Props {
  plan: PlanDetailDto;
  item: ItemDto;
  units: UnitDto[];
  editable: boolean;
  /** Runs a write that answers with the whole plan; the page shows errors and the new plan. */
  run: (write: () => Promise<PlanDetailDto>) => Promise<void>;
}

const emptyTarget: TargetFields = {
  metric: '',
  op: '>=',
  value: null,
  lo: null,
  hi: null,
  unit: '',
  deadline: null,
};

export function ItemEditor({ plan, item, units, editable, run }: Props): ReactNode {
  const t = useT();
  const [title, setTitle] = useState(item.title);
  const [number, setNumber] = useState(item.number);
  const [newUnit, setNewUnit] = useState<string | undefined>(undefined);
  const [newRole, setNewRole] = useState<AssignmentRole>('lead');
  const [target, setTarget] = useState<{ original: TargetDto | null; fields: TargetFields } | null>(null);
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
  useEffect(() => {
    setTitle(item.title);
    setNumber(item.number);
  }, [item.id, item.title, item.number]);

  const { siblings, index } = siblingsOf(plan.items, item);
  const previous = siblings[index - 1];
  const own = item.assignments.filter((a) => !a.inherited);
  const setUnits = (next: { unitId: string; role: AssignmentRole }[]): Promise<void> =>
    run(() => api.setAssignments(plan.id, item, next));
  const unitOptions = (() => {
    const suggested = item.unmatchedUnits.flatMap((u) => suggestUnits(u.name, units, 3));
    const rest = units.filter((u) => !suggested.includes(u));
    return [...new Set([...suggested, ...rest])].map((u) => ({
      value: u.id,
      label: [u.name, ...u.aliases].join(' / '),
    }));
  })();

  return (
    <Card size="small" title={`${item.number} ${item.title}`} data-testid="item-editor">
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
      <Divider titlePlacement="start">{t('importReview.assignments')}</Divider>
      <Space wrap style={{ marginBottom: 8 }} data-testid="assignments">
        {item.assignments.map((a) => (
          <Tag
            key={`${a.unitId}:${a.role}`}
            color={a.role === 'lead' ? 'red' : 'blue'}
            closable={editable && !a.inherited}
            onClose={(e) => {
              e.preventDefault();
              void setUnits(
                own.filter((x) => x.unitId !== a.unitId).map((x) => ({ unitId: x.unitId, role: x.role })),
              );
            }}
          >
            {`${t(`assign.${a.role}`)}: ${a.unitName}${a.inherited ? ' ↑' : ''}`}
          </Tag>
        ))}
        {item.unmatchedUnits.map((u) => (
          <Tag key={`u:${u.name}`} color="orange">{`? ${u.name}`}</Tag>
        ))}
      </Space>
      {editable ? (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            style={{ width: 110 }}
            value={newRole}
            onChange={(r: AssignmentRole) => {
              setNewRole(r);
            }}
            options={ASSIGNMENT_ROLES.map((r) => ({ value: r, label: t(`assign.${r}`) }))}
            aria-label={t('importReview.op')}
          />
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1 }}
            placeholder={t('importReview.addUnit')}
            aria-label={t('importReview.addUnit')}
            value={newUnit}
            onChange={(id: string) => {
              setNewUnit(id);
            }}
            options={unitOptions}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!newUnit}
            onClick={() => {
              if (!newUnit) return;
              void setUnits([
                ...own.filter((x) => x.unitId !== newUnit).map((x) => ({ unitId: x.unitId, role: x.role })),
                { unitId: newUnit, role: newRole },
              ]).then(() => {
                setNewUnit(undefined);
              });
            }}
          >
            {t('common.add')}
          </Button>
        </Space.Compact>
      ) : null}
      <Divider titlePlacement="start">{t('importReview.targets')}</Divider>
      <Table<TargetDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={item.targets}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('importReview.metric'), dataIndex: 'metric' },
          { title: t('task.target'), render: (_: unknown, x) => targetText(x) },
          { title: t('importReview.direction'), render: (_: unknown, x) => t(`direction.${x.direction}`) },
          {
            title: t('importReview.targetDeadline'),
            render: (_: unknown, x) => x.deadlineText ?? x.deadline ?? '',
          },
          {
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, x) =>
              editable ? (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setTarget({
                        original: x,
                        fields: {
                          metric: x.metric,
                          op: x.op,
                          value: x.value,
                          lo: x.lo,
                          hi: x.hi,
                          unit: x.unit,
                          direction: x.direction,
                          deadline: x.deadline,
                        },
                      });
                    }}
                  >
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('common.delete')}
                    onConfirm={() => void run(() => api.deleteTarget(plan.id, x))}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {editable ? (
        <Button
          style={{ marginTop: 8 }}
          icon={<PlusOutlined />}
          onClick={() => {
            setTarget({ original: null, fields: emptyTarget });
          }}
        >
          {t('importReview.addTarget')}
        </Button>
      ) : null}
      <Modal
        open={target !== null}
        title={target?.original ? t('common.edit') : t('importReview.addTarget')}
        onCancel={() => {
          setTarget(null);
        }}
        okButtonProps={{ disabled: !target?.fields.metric.trim() }}
        onOk={() => {
          if (!target) return;
          const fields = target.fields;
          void run(() =>
            target.original
              ? api.updateTarget(plan.id, target.original, fields)
              : api.createTarget(plan.id, item.id, fields),
          ).then(() => {
            setTarget(null);
          });
        }}
      >
        {target ? (
          <TargetForm
            fields={target.fields}
            onChange={(fields) => {
              setTarget({ ...target, fields });
            }}
          />
        ) : null}
      </Modal>
    </Card>
  );
}

function TargetForm({
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
