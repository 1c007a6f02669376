import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/error-message.js';
import { useT } from '../i18n/i18n.js';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }): ReactNode {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
