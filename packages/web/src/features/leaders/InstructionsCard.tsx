import { App, Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

/** The leaders' 批示 on a task, newest first; a leader writes one line here and the task's units are told. */
export function InstructionsCard({ taskId }: { taskId: string }): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const { allowed } = useAuth();
  const loaded = useLoad(() => api.instructions({ params: { id: taskId } }), [taskId]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.addInstruction({ params: { id: taskId }, body: { body: text.trim() } });
      setText('');
      loaded.reload();
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="yd-card" title={t('instr.title')} data-testid="instructions">
      <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      <List
        size="small"
        dataSource={loaded.data?.instructions ?? []}
        locale={{ emptyText: <Empty description={t('instr.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(x) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{x.body}</Typography.Text>
              <Typography.Text type="secondary">
                {x.authorName} {x.createdAt.slice(0, 16).replace('T', ' ')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {allowed('instruction.write') ? (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            maxLength={200}
            value={text}
            placeholder={t('instr.placeholder')}
            onChange={(e) => {
              setText(e.target.value);
            }}
            data-testid="instruction-input"
          />
          <Button type="primary" loading={busy} disabled={text.trim() === ''} onClick={() => void send()}>
            {t('instr.send')}
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}
