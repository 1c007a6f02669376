import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { ItemDto, PlanDetailDto, UnitDto } from '../../api/endpoints.js';
import { ItemAssignments } from './ItemAssignments.js';
import { ItemFields } from './ItemFields.js';
import { ItemStructure } from './ItemStructure.js';
import { ItemTargets } from './ItemTargets.js';

interface Props {
  plan: PlanDetailDto;
  item: ItemDto;
  units: UnitDto[];
  editable: boolean;
  /** Runs a write that answers with the whole plan; the page shows errors and the new plan. */
  run: (write: () => Promise<PlanDetailDto>) => Promise<void>;
}

/** The import review's editor of the selected item: its fields, place in the tree, units and targets. */
export function ItemEditor({ plan, item, units, editable, run }: Props): ReactNode {
  return (
    <Card size="small" title={`${item.number} ${item.title}`} data-testid="item-editor">
      <ItemFields plan={plan} item={item} editable={editable} run={run} />
      <ItemStructure plan={plan} item={item} editable={editable} run={run} />
      <ItemAssignments plan={plan} item={item} units={units} editable={editable} run={run} />
      <ItemTargets plan={plan} item={item} editable={editable} run={run} />
    </Card>
  );
}
