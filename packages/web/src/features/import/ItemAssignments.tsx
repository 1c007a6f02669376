import { PlusOutlined } from '@ant-design/icons';
import { ASSIGNMENT_ROLES, type AssignmentRole } from '@yaodian/core';
import { Button, Divider, Select, Space, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ItemDto, PlanDetailDto, UnitDto } from '../../api/endpoints.js';
import { api } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';
import { suggestUnits } from './unit-suggest.js';

interface Props {
  plan: PlanDetailDto;
  item: ItemDto;
  units: UnitDto[];
  editable: boolean;
  /** Runs a write that answers with the whole plan; the page shows errors and the new plan. */
  run: (write: () => Promise<PlanDetailDto>) => Promise<void>;
}

/** Who leads and supports the item: its units (inherited ones marked ↑), unmatched printed names, and adding one. */
export function ItemAssignments({ plan, item, units, editable, run }: Props): ReactNode {
  const t = useT();
  const [newUnit, setNewUnit] = useState<string | undefined>(undefined);
  const [newRole, setNewRole] = useState<AssignmentRole>('lead');
  const own = item.assignments.filter((a) => !a.inherited);
  const setUnits = (next: { unitId: string; role: AssignmentRole }[]): Promise<void> =>
    run(() => api.setAssignments(plan.id, item, next));
  const unitOptions = (() => {
    const suggested = item.unmatchedUnits.flatMap((u) => suggestUnits(u.name, units, 3));
    const rest = units.filter((u) => !suggested.includes(u));
    return [...new Set([...suggested, ...rest])].map((u) => ({
      value: u.id,
      label: [u.name, ...u.aliases].join(' / '),
    }));
  })();
  return (
    <>
      <Divider titlePlacement="start">{t('importReview.assignments')}</Divider>
      <Space wrap style={{ marginBottom: 8 }} data-testid="assignments">
        {item.assignments.map((a) => (
          <Tag
            key={`${a.unitId}:${a.role}`}
            color={a.role === 'lead' ? 'red' : 'blue'}
            closable={editable && !a.inherited}
            onClose={(e) => {
              e.preventDefault();
              void setUnits(
                own.filter((x) => x.unitId !== a.unitId).map((x) => ({ unitId: x.unitId, role: x.role })),
              );
            }}
          >
            {`${t(`assign.${a.role}`)}: ${a.unitName}${a.inherited ? ' ↑' : ''}`}
          </Tag>
        ))}
        {item.unmatchedUnits.map((u) => (
          <Tag key={`u:${u.name}`} color="orange">{`? ${u.name}`}</Tag>
        ))}
      </Space>
      {editable ? (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            style={{ width: 110 }}
            value={newRole}
            onChange={(r: AssignmentRole) => {
              setNewRole(r);
            }}
            options={ASSIGNMENT_ROLES.map((r) => ({ value: r, label: t(`assign.${r}`) }))}
            aria-label={t('importReview.op')}
          />
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1 }}
            placeholder={t('importReview.addUnit')}
            aria-label={t('importReview.addUnit')}
            value={newUnit}
            onChange={(id: string) => {
              setNewUnit(id);
            }}
            options={unitOptions}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!newUnit}
            onClick={() => {
              if (!newUnit) return;
              void setUnits([
                ...own.filter((x) => x.unitId !== newUnit).map((x) => ({ unitId: x.unitId, role: x.role })),
                { unitId: newUnit, role: newRole },
              ]).then(() => {
                setNewUnit(undefined);
              });
            }}
          >
            {t('common.add')}
          </Button>
        </Space.Compact>
      ) : null}
    </>
  );
}
