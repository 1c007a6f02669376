import { PlusOutlined } from '@ant-design/icons';
import { UNIT_KINDS, type UnitKind } from '@yaodian/core';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, type UnitDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';
import { splitAliases } from '../import/unit-suggest.js';
import { UnitRobotsModal } from './UnitRobotsModal.js';

export function UnitsTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const [editing, setEditing] = useState<{
    id?: string;
    name: string;
    kind: UnitKind;
    aliases: string;
  } | null>(null);
  const [robotsOf, setRobotsOf] = useState<UnitDto | null>(null);

  const save = async (): Promise<void> => {
    if (!editing) return;
    try {
      const aliases = splitAliases(editing.aliases);
      if (editing.id)
        await api.updateUnit(editing.id, { name: editing.name.trim(), kind: editing.kind, aliases });
      else await api.createUnit(editing.name.trim(), editing.kind, aliases);
      void message.success(t('common.saved'));
      setEditing(null);
      units.reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <ErrorAlert error={units.error} onRetry={units.reload} />
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => {
          setEditing({ name: '', kind: 'department', aliases: '' });
        }}
      >
        {t('admin.newUnit')}
      </Button>
      <Table<UnitDto>
        rowKey="id"
        size="middle"
        loading={units.loading}
        dataSource={units.data ?? []}
        columns={[
          { title: t('importReview.unitName'), dataIndex: 'name' },
          {
            title: t('importReview.unitKind'),
            dataIndex: 'kind',
            width: 160,
            render: (kind: UnitKind) => t(`unitKind.${kind}`),
            filters: UNIT_KINDS.map((k) => ({ text: t(`unitKind.${k}`), value: k })),
            onFilter: (value, u) => u.kind === value,
          },
          {
            title: t('importReview.aliases'),
            render: (_: unknown, u) => (
              <Space wrap size={4}>
                {u.aliases.map((a) => (
                  <Tag key={a}>{a}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 180,
            render: (_: unknown, u) => (
              <Space size={0}>
                <Button
                  type="link"
                  onClick={() => {
                    setEditing({ id: u.id, name: u.name, kind: u.kind, aliases: u.aliases.join(' ') });
                  }}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  onClick={() => {
                    setRobotsOf(u);
                  }}
                >
                  {t('robots.action')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <UnitRobotsModal
        unit={robotsOf}
        onClose={() => {
          setRobotsOf(null);
        }}
      />
      <Modal
        open={editing !== null}
        title={editing?.id ? t('common.edit') : t('admin.newUnit')}
        onCancel={() => {
          setEditing(null);
        }}
        onOk={() => void save()}
        okButtonProps={{ disabled: !editing?.name.trim() }}
      >
        {editing ? (
          <Form layout="vertical">
            <Form.Item label={t('importReview.unitName')} htmlFor="unit-name">
              <Input
                id="unit-name"
                value={editing.name}
                onChange={(e) => {
                  setEditing({ ...editing, name: e.target.value });
                }}
              />
            </Form.Item>
            <Form.Item label={t('importReview.unitKind')}>
              <Select
                value={editing.kind}
                onChange={(kind: UnitKind) => {
                  setEditing({ ...editing, kind });
                }}
                options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('importReview.aliases')} htmlFor="unit-aliases">
              <Input
                id="unit-aliases"
                value={editing.aliases}
                onChange={(e) => {
                  setEditing({ ...editing, aliases: e.target.value });
                }}
              />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
