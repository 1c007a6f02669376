import { SUPERVISION_LEVELS } from '@yaodian/core';
import { Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/endpoints.js';
import { useLoad } from '../../api/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { SupervisionTag } from './SupervisionTag.js';

/** The plan's open 督办 per level, as the server counts them; a click opens 督办管理. */
export function OpenSupervisionBar({ planId }: { planId: string }): ReactNode {
  const t = useT();
  const navigate = useNavigate();
  const loaded = useLoad(() => api.planSupervisionRules({ params: { planId } }), [planId]);
  if (!loaded.data) return null;
  const open = loaded.data.open;
  return (
    <Card
      className="yd-card yd-stat-link"
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="open-supervision"
      onClick={() => void navigate('/supervision')}
    >
      <Space>
        {t('sup.openCount')}
        {SUPERVISION_LEVELS.map((level) => (
          <SupervisionTag key={level} level={level} count={open[level]} />
        ))}
      </Space>
    </Card>
  );
}
