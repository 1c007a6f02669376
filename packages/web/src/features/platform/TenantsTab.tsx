import { PlusOutlined } from '@ant-design/icons';
import { TENANT_LEVELS, type Tenant, type TenantLevel } from '@yaodian/core';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

interface Draft {
  parentId: string;
  code: string;
  name: string;
  level: TenantLevel;
  username: string;
  displayName: string;
  password: string;
}

/** The commissions of the operator's tree: create one below another, disable or enable one. */
export function TenantsTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const tenants = useLoad(async () => (await api.tenants()).tenants, []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const list = tenants.data ?? [];
  const nameOf = (id: string | null): string => list.find((x) => x.id === id)?.name ?? '—';

  const create = async (): Promise<void> => {
    if (!draft) return;
    try {
      await api.createTenant({
        body: {
          parentId: draft.parentId,
          code: draft.code.trim(),
          name: draft.name.trim(),
          level: draft.level,
          admin: {
            username: draft.username.trim(),
            displayName: draft.displayName.trim(),
            password: draft.password,
          },
        },
      });
      void message.success(t('common.saved'));
      setDraft(null);
      tenants.reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  const toggle = async (tenant: Tenant, active: boolean): Promise<void> => {
    try {
      await api.setTenantActive({ params: { id: tenant.id }, body: { active } });
      tenants.reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <ErrorAlert error={tenants.error} onRetry={tenants.reload} />
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        disabled={list.length === 0}
        onClick={() => {
          setDraft({
            parentId: list[0]?.id ?? '',
            code: '',
            name: '',
            level: 'county',
            username: '',
            displayName: '',
            password: '',
          });
        }}
      >
        {t('platform.newTenant')}
      </Button>
      <Table<Tenant>
        rowKey="id"
        size="middle"
        loading={tenants.loading}
        dataSource={list}
        pagination={false}
        columns={[
          { title: t('platform.tenantName'), dataIndex: 'name' },
          { title: t('platform.tenantCode'), dataIndex: 'code' },
          {
            title: t('platform.level'),
            dataIndex: 'level',
            render: (level: TenantLevel) => <Tag>{t(`tenantLevel.${level}`)}</Tag>,
          },
          { title: t('platform.parent'), render: (_: unknown, row) => nameOf(row.parentId) },
          {
            title: t('platform.active'),
            render: (_: unknown, row) =>
              row.parentId === null ? (
                <Tag color="blue">{t('platform.root')}</Tag>
              ) : (
                <Switch
                  checked={row.active}
                  aria-label={t('platform.active')}
                  onChange={(on) => void toggle(row, on)}
                />
              ),
          },
        ]}
      />
      <Modal
        open={draft !== null}
        title={t('platform.newTenant')}
        okText={t('common.save')}
        onOk={() => void create()}
        onCancel={() => {
          setDraft(null);
        }}
      >
        {draft && (
          <Form layout="vertical">
            <Form.Item label={t('platform.parent')} required>
              <Select
                value={draft.parentId}
                options={list.map((x) => ({ value: x.id, label: x.name }))}
                onChange={(parentId: string) => {
                  setDraft({ ...draft, parentId });
                }}
              />
            </Form.Item>
            <Form.Item label={t('platform.level')} required>
              <Select
                value={draft.level}
                options={TENANT_LEVELS.map((l) => ({ value: l, label: t(`tenantLevel.${l}`) }))}
                onChange={(level: TenantLevel) => {
                  setDraft({ ...draft, level });
                }}
              />
            </Form.Item>
            {(['name', 'code', 'username', 'displayName', 'password'] as const).map((field) => (
              <Form.Item key={field} label={t(`platform.field.${field}`)} required>
                {field === 'password' ? (
                  <Input.Password
                    value={draft.password}
                    autoComplete="new-password"
                    onChange={(e) => {
                      setDraft({ ...draft, password: e.target.value });
                    }}
                  />
                ) : (
                  <Input
                    value={draft[field]}
                    onChange={(e) => {
                      setDraft({ ...draft, [field]: e.target.value });
                    }}
                  />
                )}
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
