import type { TaskStatus } from '@yaodian/core';
import { reportTiming } from './report-timing.js';

/*
 * How each unit reported in one period, for the 通报's ranking: what it owed, what it sent by the due date,
 * what was accepted. A (task, unit) pair is owed when the unit reports on the task (its lead units) and the task
 * is not done, or when the unit reported on it anyway (the last report that finished it).
 */

export interface ReportingTask {
  id: string;
  status: TaskStatus;
  reportingUnits: readonly { id: string; name: string }[];
}

export interface PeriodReport {
  itemId: string;
  unitId: string;
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  /** The China-time day it was (last) submitted, YYYY-MM-DD; null for a draft never sent. */
  submittedOn: string | null;
}

export interface UnitReporting {
  rank: number;
  unitId: string;
  name: string;
  owed: number;
  /** Sent (submitted, returned or accepted) on or before the period's due date. */
  onTime: number;
  accepted: number;
  onTimePercent: number;
  acceptedPercent: number;
}

const share = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/**
 * Units ranked by their on-time share, then their accepted share (both of what they owed); equal shares share a
 * rank (1, 2, 2, 4); within a rank, by name.
 */
export function rankUnitReporting(
  tasks: readonly ReportingTask[],
  reports: readonly PeriodReport[],
  dueOn: string,
): UnitReporting[] {
  const byPair = new Map(reports.map((r) => [`${r.itemId}|${r.unitId}`, r]));
  const units = new Map<string, { name: string; owed: number; onTime: number; accepted: number }>();
  for (const task of tasks) {
    for (const unit of task.reportingUnits) {
      const report = byPair.get(`${task.id}|${unit.id}`);
      const timing = reportTiming(
        report !== undefined && report.state !== 'draft' ? report.submittedOn : null,
        dueOn,
      );
      if (task.status === 'done' && timing === 'missing') continue;
      const entry = units.get(unit.id) ?? { name: unit.name, owed: 0, onTime: 0, accepted: 0 };
      entry.owed += 1;
      if (timing === 'on_time') entry.onTime += 1;
      if (report?.state === 'accepted') entry.accepted += 1;
      units.set(unit.id, entry);
    }
  }
  const rows = [...units].map(([unitId, u]) => ({
    rank: 0,
    unitId,
    name: u.name,
    owed: u.owed,
    onTime: u.onTime,
    accepted: u.accepted,
    onTimePercent: share(u.onTime, u.owed),
    acceptedPercent: share(u.accepted, u.owed),
  }));
  rows.sort(
    (a, b) =>
      b.onTimePercent - a.onTimePercent ||
      b.acceptedPercent - a.acceptedPercent ||
      a.name.localeCompare(b.name, 'zh'),
  );
  rows.forEach((row, k) => {
    const previous = rows[k - 1];
    row.rank =
      previous &&
      previous.onTimePercent === row.onTimePercent &&
      previous.acceptedPercent === row.acceptedPercent
        ? previous.rank
        : k + 1;
  });
  return rows;
}
