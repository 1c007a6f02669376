import { Select } from 'antd';
import type { ReactNode } from 'react';
import type { PlanSummaryDto } from '../api/endpoints.js';
import { useT } from '../i18n/i18n.js';

export function PlanPicker({
  plans,
  value,
  onChange,
}: {
  plans: PlanSummaryDto[];
  value: string | undefined;
  onChange: (id: string) => void;
}): ReactNode {
  const t = useT();
  return (
    <Select
      aria-label={t('plans.choose')}
      placeholder={t('plans.choose')}
      style={{ minWidth: 320 }}
      value={value}
      onChange={onChange}
      options={plans.map((p) => ({ value: p.id, label: `${p.title} · ${t(`planStatus.${p.status}`)}` }))}
    />
  );
}
