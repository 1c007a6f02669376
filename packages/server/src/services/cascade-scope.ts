import type { Executor } from '../db/database.js';
import type { ItemRow, TargetRow } from '../db/schema.js';
import { namesAllCounties } from '../domain/cascade/scope.js';
import { listPlanAssignments, listPlanUnmatched } from '../repositories/assignment-repository.js';
import { listLinkedUnits, listQuotas } from '../repositories/cascade-repository.js';
import { listItems } from '../repositories/item-repository.js';
import { listPlanTargets } from '../repositories/target-repository.js';
import { listChildTenants, type TenantRow } from '../repositories/tenant-repository.js';

/** The commissions a city pushes to: its active direct children (a disabled county receives nothing). */
export async function countiesOf(db: Executor, cityTenant: string): Promise<TenantRow[]> {
  return (await listChildTenants(db, cityTenant)).filter((t) => t.active);
}

export interface QualifyingTask {
  item: ItemRow;
  via: 'unit' | 'collective';
  countyIds: string[];
}

/**
 * The tasks of a city plan that go to counties, and to which: a task assigned to a unit linked to a county
 * commission goes to that county (各县市区卫生健康局 as a unit group expands to its members at import, so
 * this covers the collective name too where the city has linked its county bureau units); a task whose clause
 * names every county (各县市区…) but matched no unit of the city goes to every county.
 */
export async function qualifyingTasks(
  db: Executor,
  cityTenant: string,
  planId: string,
  counties: readonly TenantRow[],
): Promise<QualifyingTask[]> {
  const countyIds = new Set(counties.map((c) => c.id));
  // One after another: inside a transaction the statements share a connection.
  const items = await listItems(db, cityTenant, planId);
  const assignments = await listPlanAssignments(db, cityTenant, planId);
  const unmatched = await listPlanUnmatched(db, cityTenant, planId);
  const linked = await listLinkedUnits(db, cityTenant);
  const countyOfUnit = new Map(
    linked.filter((u) => countyIds.has(u.linked_tenant_id)).map((u) => [u.id, u.linked_tenant_id]),
  );
  const byItem = new Map<string, Set<string>>();
  for (const a of assignments) {
    const county = countyOfUnit.get(a.unitId);
    if (!county) continue;
    const set = byItem.get(a.itemId) ?? new Set<string>();
    set.add(county);
    byItem.set(a.itemId, set);
  }
  const collective = new Set(unmatched.filter((u) => namesAllCounties(u.name)).map((u) => u.itemId));
  const out: QualifyingTask[] = [];
  for (const item of items) {
    if (!item.is_task) continue;
    if (collective.has(item.id) && counties.length > 0)
      out.push({ item, via: 'collective', countyIds: counties.map((c) => c.id) });
    else {
      const set = byItem.get(item.id);
      if (set && set.size > 0)
        out.push({ item, via: 'unit', countyIds: counties.filter((c) => set.has(c.id)).map((c) => c.id) });
    }
  }
  return out;
}

/** A city plan's targets by task and its quotas by target and county: what the asks are built from. */
export async function cityTargetsAndQuotas(
  db: Executor,
  cityTenant: string,
  planId: string,
): Promise<{
  targetsByItem: Map<string, TargetRow[]>;
  quotaOf: (targetId: string, county: string) => number | undefined;
}> {
  const targets = await listPlanTargets(db, cityTenant, planId);
  const quotas = await listQuotas(
    db,
    cityTenant,
    targets.map((t) => t.id),
  );
  const targetsByItem = new Map<string, TargetRow[]>();
  for (const t of targets) targetsByItem.set(t.item_id, [...(targetsByItem.get(t.item_id) ?? []), t]);
  const quota = new Map(quotas.map((q) => [`${q.target_id} ${q.county_tenant}`, q.value]));
  return { targetsByItem, quotaOf: (targetId, county) => quota.get(`${targetId} ${county}`) };
}
