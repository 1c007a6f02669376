import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import type { UnitGroup } from '../../api/extra-schemas.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';

/** Collective names in plans (各县市区卫生健康局) and the units they stand for. */
export function GroupsTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const groups = useLoad(() => api.unitGroups(), []);
  const units = useUnits();
  const [editing, setEditing] = useState<{ id?: string; name: string; unitIds: string[] } | null>(null);
  const save = async (): Promise<void> => {
    if (!editing) return;
    try {
      await api.saveUnitGroup({ name: editing.name.trim(), unitIds: editing.unitIds });
      setEditing(null);
      groups.reload();
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };
  return (
    <>
      <ErrorAlert error={groups.error} onRetry={groups.reload} />
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => {
          setEditing({ name: '', unitIds: [] });
        }}
      >
        {t('admin.newGroup')}
      </Button>
      <Table<UnitGroup>
        rowKey="id"
        loading={groups.loading}
        dataSource={groups.data ?? []}
        columns={[
          { title: t('admin.groupName'), dataIndex: 'name' },
          {
            title: t('admin.members'),
            render: (_: unknown, g) => (
              <Space wrap size={4}>
                {g.unitIds.map((id) => (
                  <Tag key={id}>{units.nameOf(id)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, g) => (
              <Button
                type="link"
                onClick={() => {
                  setEditing(g);
                }}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.id ? t('common.edit') : t('admin.newGroup')}
        onCancel={() => {
          setEditing(null);
        }}
        onOk={() => void save()}
        okButtonProps={{ disabled: !editing?.name.trim() }}
      >
        {editing ? (
          <Form layout="vertical">
            <Form.Item label={t('admin.groupName')} htmlFor="group-name">
              <Input
                id="group-name"
                value={editing.name}
                onChange={(e) => {
                  setEditing({ ...editing, name: e.target.value });
                }}
              />
            </Form.Item>
            <Form.Item label={t('admin.members')}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                value={editing.unitIds}
                onChange={(unitIds: string[]) => {
                  setEditing({ ...editing, unitIds });
                }}
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
