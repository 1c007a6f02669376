/**
 * Table cells of a 牵头单位 / 配合单位 / 责任单位 column. The column header already says the cell holds
 * units, so names are taken as printed without asking them to look like unit names.
 */

import { NO_CONVENTION, type RoleConvention } from './role-convention.js';
import { cleanPart, splitList, type PrintedRole } from './unit-list.js';

const CELL_SEPARATORS: ReadonlySet<string> = new Set(['/', '／', '|', '｜']);

// Placeholders for an empty cell.
const EMPTY_CELL = /^(?:无|暂无|\/|／|-|—|——|－|_+|\*)$/;

interface CellEntry {
  name: string;
  role: PrintedRole;
}

/** The units of one cell with the role each prints (市卫健委（牵头）, 医政科、中医科牵头，财务科配合). */
function cellEntries(cell: string): CellEntry[] {
  const entries: CellEntry[] = [];
  // Units printed since the last role word: a role word applies to the whole run.
  let run: CellEntry[] = [];
  const limited = cell.length > 2000 ? cell.slice(0, 2000) : cell;
  for (const part of splitList(limited, CELL_SEPARATORS)) {
    // A cell may carry its own label (牵头单位：市卫健委); the column already gives the role.
    const text = part.text.replace(/^[^:：]{1,8}[:：]\s{0,2}/, '');
    const cleaned = cleanPart(text);
    const name = cleaned.name.replace(/^[\d０-９]{1,2}[.．、]/, '').trim();
    const printed = entries.find((entry) => entry.name === name);
    if (printed !== undefined && cleaned.ownRole) printed.role = cleaned.role;
    if (name.length > 0 && !EMPTY_CELL.test(name) && printed === undefined) {
      const entry: CellEntry = { name, role: cleaned.ownRole ? cleaned.role : 'none' };
      entries.push(entry);
      // A bracketed note (市卫健委（牵头）) marks its own name only; the run before it stays open.
      if (!cleaned.ownRole) run.push(entry);
    }
    if (cleaned.role !== 'none' && !cleaned.ownRole) {
      for (const entry of run) entry.role = cleaned.role;
      run = [];
    }
  }
  return entries;
}

/** The units of one table cell, printed names, each once, in printed order. */
export function parseUnitCell(cell: string): string[] {
  return cellEntries(cell).map((entry) => entry.name);
}

/** The cells of one table row that name units, by the column they stand in. */
export interface UnitCells {
  /** 牵头单位 column. */
  lead: readonly string[];
  /** 配合 / 协办 / 参与单位 column. */
  support: readonly string[];
  /** 责任单位 / 承办单位 column: units without a role of their own. */
  units: readonly string[];
}

export interface RowUnits {
  units: string[];
  lead: string[];
  support: string[];
}

/**
 * The units of one table row. A 牵头 column gives leads and a 配合 column support; in a 责任单位 column a
 * role printed in the cell (市卫健委（牵头）) counts, and otherwise the document's convention decides
 * (责任单位为牵头单位: all lead; 列在首位的为牵头单位: the first leads). Once there is a lead, every other
 * unit of the row supports, as in a clause; without one nobody is singled out but the 配合 column.
 */
export function readUnitRow(cells: UnitCells, convention: RoleConvention = NO_CONVENTION): RowUnits {
  const lead: string[] = [];
  const support: string[] = [];
  const plain: string[] = [];
  for (const cell of cells.lead) for (const entry of cellEntries(cell)) add(lead, entry.name);
  for (const cell of cells.support) for (const entry of cellEntries(cell)) add(support, entry.name);
  for (const cell of cells.units) {
    for (const entry of cellEntries(cell)) {
      if (entry.role === 'lead') add(lead, entry.name);
      else if (entry.role === 'support') add(support, entry.name);
      else add(plain, entry.name);
    }
  }
  if (lead.length === 0 && plain.length > 0) {
    const first = plain[0];
    if (convention.firstListedLeads && first !== undefined) lead.push(first);
    else if (convention.responsibleLeads) lead.push(...plain);
  }
  const units: string[] = [];
  for (const name of [...lead, ...plain, ...support]) add(units, name);
  const others = units.filter((name) => !lead.includes(name));
  return {
    units,
    lead,
    support: lead.length > 0 ? others : support.filter((name) => !lead.includes(name)),
  };
}

function add(list: string[], name: string): void {
  if (!list.includes(name)) list.push(name);
}
