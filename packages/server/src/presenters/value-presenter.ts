import type { BulkLine } from '@yaodian/core';
import type { CheckedLine } from '../domain/bulk-values.js';

/** One line of a bulk preview: what it names, its old and new value, and its problems. */
export function presentBulkLine(line: CheckedLine): BulkLine {
  const o = line.offered;
  return {
    row: line.row,
    itemId: o?.itemId ?? null,
    unitId: o?.unitId ?? null,
    targetId: o?.targetId ?? null,
    taskNumber: o?.taskNumber ?? '',
    taskTitle: o?.taskTitle ?? '',
    unitName: o?.unitName ?? '',
    metric: o?.metric ?? '',
    oldValue: o?.oldValue ?? null,
    newValue: line.value,
    percent: line.percent,
    errors: line.errors,
  };
}
