import type { TenantLevel } from '../db/schema.js';

/** The commission tree, top to bottom (国家 → 省 → 市 → 县). */
const ORDER: readonly TenantLevel[] = ['national', 'province', 'city', 'county'];

/** A child commission sits below its parent; a level may be skipped (a province's directly run county). */
export function levelFitsBelow(parent: TenantLevel, child: TenantLevel): boolean {
  return ORDER.indexOf(child) > ORDER.indexOf(parent);
}
