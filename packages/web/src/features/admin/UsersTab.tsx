import { PlusOutlined } from '@ant-design/icons';
import { BUSINESS_ROLES, isAdminRole, type Role } from '@yaodian/core';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, type UserDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth, useMe } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUnits } from '../../components/use-units.js';
import { useT } from '../../i18n/i18n.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';

interface UserForm {
  id?: string;
  /** The version read, sent back with an edit (the server's optimistic lock). */
  version?: number;
  username: string;
  displayName: string;
  role: Role;
  /** The role read, to tell whether the security administrator changed it. */
  roleBefore?: Role;
  password: string;
  unitIds: string[];
}

export function UsersTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const users = useLoad(() => api.users(), []);
  const units = useUnits();
  const [editing, setEditing] = useState<UserForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const { allowed } = useAuth();
  const me = useMe();
  // 三员分立: the system administrator edits names and units, the security administrator the role.
  const editsDetails = allowed('user.manage');
  const assignsRoles = allowed('user.role');
  /** Another administrator's account is out of everyone's reach here (the server refuses it too). */
  const reachable = (u: UserDto): boolean => !isAdminRole(u.role);

  /** One account action (enable, disable, unlock): its message on success, the server's reason on failure. */
  const act = async (run: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await run();
      void message.success(done);
      users.reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  const save = async (): Promise<void> => {
    if (!editing) return;
    setBusy(true);
    try {
      if (editing.id && editing.version !== undefined) {
        let version = editing.version;
        if (editsDetails)
          version = (
            await api.updateUser(editing.id, {
              version,
              displayName: editing.displayName,
              unitIds: editing.unitIds,
            })
          ).version;
        if (assignsRoles && editing.role !== editing.roleBefore)
          await api.setUserRole(editing.id, version, editing.role);
      } else
        await api.createUser({
          username: editing.username.trim(),
          displayName: editing.displayName.trim(),
          role: editing.role,
          password: editing.password,
          unitIds: editing.unitIds,
        });
      void message.success(t('common.saved'));
      setEditing(null);
      users.reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorAlert error={users.error} onRetry={users.reload} />
      {editsDetails ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => {
            setEditing({ username: '', displayName: '', role: 'reporter', password: '', unitIds: [] });
          }}
        >
          {t('admin.newUser')}
        </Button>
      ) : null}
      <Table<UserDto>
        rowKey="id"
        size="middle"
        loading={users.loading}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        dataSource={users.data ?? []}
        columns={[
          { title: t('admin.username'), dataIndex: 'username' },
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          {
            title: t('admin.role'),
            dataIndex: 'role',
            render: (role: Role) => <Tag color="blue">{t(`role.${role}`)}</Tag>,
          },
          {
            title: t('admin.unitsOf'),
            render: (_: unknown, u) => u.unitIds.map((id) => units.nameOf(id)).join(t('common.sep')),
          },
          {
            title: t('users.status'),
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                {u.active ? (
                  <Tag color="green">{t('users.active')}</Tag>
                ) : (
                  <Tag color="default">{t('users.disabled')}</Tag>
                )}
                {u.lockedUntil ? (
                  <Tag color="red" data-testid="locked-tag">
                    {t('users.locked', { until: new Date(u.lockedUntil).toLocaleString() })}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 280,
            render: (_: unknown, u) => (
              <Space size={0} wrap>
                {(editsDetails && (reachable(u) || u.id === me.id)) || (assignsRoles && reachable(u)) ? (
                  <Button
                    type="link"
                    onClick={() => {
                      setEditing({ ...u, roleBefore: u.role, password: '' });
                    }}
                  >
                    {editsDetails ? t('common.edit') : t('users.assignRole')}
                  </Button>
                ) : null}
                {!reachable(u) && u.id !== me.id ? (
                  <Typography.Text type="secondary">{t('users.adminHint')}</Typography.Text>
                ) : null}
                {allowed('user.credentials') && reachable(u) ? (
                  <Button
                    type="link"
                    onClick={() => {
                      setResetting(u);
                    }}
                  >
                    {t('users.resetPassword')}
                  </Button>
                ) : null}
                {allowed('user.credentials') && reachable(u) ? (
                  <Popconfirm
                    title={t(u.active ? 'users.disableConfirm' : 'users.enableConfirm', {
                      name: u.displayName,
                    })}
                    onConfirm={() =>
                      void act(
                        () => api.setUserActive(u.id, u.version, !u.active),
                        t(u.active ? 'users.disabledDone' : 'users.enabledDone'),
                      )
                    }
                  >
                    <Button type="link" danger={u.active}>
                      {t(u.active ? 'users.disable' : 'users.enable')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {u.lockedUntil && allowed('user.unlock') && reachable(u) ? (
                  <Button
                    type="link"
                    onClick={() => void act(() => api.unlockUser(u.id), t('users.unlocked'))}
                  >
                    {t('users.unlock')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => {
          setResetting(null);
        }}
      />
      <Modal
        open={editing !== null}
        title={editing?.id ? t('common.edit') : t('admin.newUser')}
        onCancel={() => {
          setEditing(null);
        }}
        onOk={() => void save()}
        okButtonProps={{ loading: busy }}
      >
        {editing ? (
          <Form layout="vertical">
            <Form.Item label={t('admin.username')} htmlFor="user-username">
              <Input
                id="user-username"
                disabled={Boolean(editing.id)}
                value={editing.username}
                onChange={(e) => {
                  setEditing({ ...editing, username: e.target.value });
                }}
              />
            </Form.Item>
            <Form.Item label={t('admin.displayName')} htmlFor="user-name">
              <Input
                id="user-name"
                disabled={!editsDetails}
                value={editing.displayName}
                onChange={(e) => {
                  setEditing({ ...editing, displayName: e.target.value });
                }}
              />
            </Form.Item>
            <Form.Item label={t('admin.role')}>
              <Select
                aria-label={t('admin.role')}
                value={editing.role}
                disabled={editing.id ? !assignsRoles : !editsDetails}
                onChange={(role: Role) => {
                  setEditing({ ...editing, role });
                }}
                options={BUSINESS_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('admin.unitsOf')}>
              <Select
                mode="multiple"
                disabled={!editsDetails}
                showSearch={{ optionFilterProp: 'label' }}
                value={editing.unitIds}
                onChange={(unitIds: string[]) => {
                  setEditing({ ...editing, unitIds });
                }}
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            {editing.id ? null : (
              <Form.Item label={t('admin.password')} htmlFor="user-password">
                <Input.Password
                  id="user-password"
                  value={editing.password}
                  onChange={(e) => {
                    setEditing({ ...editing, password: e.target.value });
                  }}
                />
              </Form.Item>
            )}
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
