/**
 * Table cells of a 牵头单位 / 配合单位 / 责任单位 column. The column header already says the cell holds
 * units, so names are taken as printed without asking them to look like unit names.
 */

import { cleanPart, splitList } from './unit-list.js';

const CELL_SEPARATORS: ReadonlySet<string> = new Set(['/', '／', '|', '｜']);

// Placeholders for an empty cell.
const EMPTY_CELL = /^(?:无|暂无|\/|／|-|—|——|－|_+|\*)$/;

/** The units of one table cell, printed names, each once, in printed order. */
export function parseUnitCell(cell: string): string[] {
  const units: string[] = [];
  const limited = cell.length > 2000 ? cell.slice(0, 2000) : cell;
  for (const part of splitList(limited, CELL_SEPARATORS)) {
    // A cell may carry its own label (牵头单位：市卫健委); the column already gives the role.
    const text = part.text.replace(/^[^:：]{1,8}[:：]\s{0,2}/, '');
    const name = cleanPart(text)
      .name.replace(/^[\d０-９]{1,2}[.．、]/, '')
      .trim();
    if (name.length === 0 || EMPTY_CELL.test(name) || units.includes(name)) continue;
    units.push(name);
  }
  return units;
}
