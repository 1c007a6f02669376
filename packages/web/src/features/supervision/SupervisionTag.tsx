import type { SupervisionLevel } from '@yaodian/core';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { LEVEL_COLOR } from './levels.js';

/** A notice's level as a coloured tag (蓝/黄/红); with `count`, the open notices of a task. */
export function SupervisionTag({ level, count }: { level: SupervisionLevel; count?: number }): ReactNode {
  const { t } = useI18n();
  return (
    <Tag color={LEVEL_COLOR[level]} data-testid={`sup-tag-${level}`}>
      {count === undefined ? t(`sup.level.${level}`) : t('sup.openTag', { n: count })}
    </Tag>
  );
}
