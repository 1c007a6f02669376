import type { Span } from '../plan.js';

/**
 * The units of an item's responsibility clause (or of the union of its clauses, when the item prints one
 * after each of its sentences); `lead` and `support` are subsets of `units`.
 */
export interface Responsibility {
  units: string[];
  lead: string[];
  support: string[];
  /** Where the item's last clause stands in the plan text (brackets included); earlier ones are not spanned. */
  span: Span;
}

export { findResponsibility } from './find-responsibility.js';
export { parseUnitCell, readUnitRow, type RowUnits, type UnitCells } from './unit-cell.js';
export { NO_CONVENTION, readRoleConvention, type RoleConvention } from './role-convention.js';
