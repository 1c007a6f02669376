import { TOKEN_SCOPES, type ApiTokenDto, type TokenScope } from '@yaodian/core';
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

interface NewToken {
  name: string;
  scopes: TokenScope[];
  unitId?: string;
  expiresInDays?: number;
}

/** 管理 → 接口令牌: tokens for other systems; the secret is shown once, on creation, and never listed. */
export function TokensTab(): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const tokens = useLoad(async () => (await api.apiTokens()).tokens, []);
  const units = useLoad(() => api.units(), []);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<NewToken>();
  const unitName = (id: string | null): string =>
    id === null ? t('tokens.allUnits') : (units.data?.find((u) => u.id === id)?.name ?? id);

  const create = async (values: NewToken): Promise<void> => {
    try {
      const created = await api.createApiToken({
        body: {
          name: values.name,
          scopes: values.scopes,
          unitId: values.unitId ?? null,
          ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
        },
      });
      setSecret(created.secret);
      form.resetFields();
      tokens.set([created.token, ...(tokens.data ?? [])]);
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };
  const revoke = async (token: ApiTokenDto): Promise<void> => {
    try {
      const revoked = await api.revokeApiToken({ params: { id: token.id } });
      tokens.set((tokens.data ?? []).map((x) => (x.id === revoked.id ? revoked : x)));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <ErrorAlert error={tokens.error} />
      <Form<NewToken>
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ scopes: ['values:write'] }}
        onFinish={(values) => void create(values)}
      >
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, max: 100 }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            style={{ minWidth: 260 }}
            options={TOKEN_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('tokens.unit')}>
          <Select
            allowClear
            style={{ minWidth: 180 }}
            placeholder={t('tokens.allUnits')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.days')}>
          <InputNumber min={1} max={730} placeholder="365" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('tokens.create')}
        </Button>
      </Form>
      <Table<ApiTokenDto>
        rowKey="id"
        size="small"
        loading={tokens.loading}
        dataSource={tokens.data ?? []}
        pagination={false}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.prefix'), dataIndex: 'prefix' },
          {
            title: t('tokens.scopes'),
            render: (_, token) => token.scopes.map((s) => <Tag key={s}>{s}</Tag>),
          },
          { title: t('tokens.unit'), render: (_, token) => unitName(token.unitId) },
          { title: t('tokens.expires'), render: (_, token) => token.expiresAt?.slice(0, 10) },
          {
            title: t('tokens.lastUsed'),
            render: (_, token) => token.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? t('tokens.never'),
          },
          {
            title: t('tokens.state'),
            render: (_, token) =>
              token.revokedAt ? (
                <Tag>{t('tokens.revoked')}</Tag>
              ) : (
                <Tag color="green">{t('tokens.active')}</Tag>
              ),
          },
          {
            title: '',
            render: (_, token) =>
              token.revokedAt ? null : (
                <Popconfirm title={t('tokens.revokeConfirm')} onConfirm={() => void revoke(token)}>
                  <Button size="small" danger>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {/* Unmounted on close (not merely hidden), so the secret leaves the page with the dialog. */}
      {secret === null ? null : (
        <Modal
          open
          title={t('tokens.secretTitle')}
          footer={null}
          onCancel={() => {
            setSecret(null);
          }}
        >
          <Typography.Paragraph>{t('tokens.secretOnce')}</Typography.Paragraph>
          <Typography.Paragraph code copyable>
            {secret}
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}
