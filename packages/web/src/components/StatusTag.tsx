import type { TaskStatus } from '@yaodian/core';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';
import { STATUS_COLOR } from './status.js';

export function StatusTag({ status }: { status: TaskStatus }): ReactNode {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
