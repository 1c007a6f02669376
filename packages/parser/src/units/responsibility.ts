import type { Span } from '../plan.js';

/** The units of one responsibility clause; `lead` and `support` are subsets of `units`. */
export interface Responsibility {
  units: string[];
  lead: string[];
  support: string[];
  /** Where the clause stands in the plan text (brackets included). */
  span: Span;
}

export { findResponsibility } from './find-responsibility.js';
export { parseUnitCell, readUnitRow, type RowUnits, type UnitCells } from './unit-cell.js';
export { NO_CONVENTION, readRoleConvention, type RoleConvention } from './role-convention.js';
