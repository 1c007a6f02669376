import type { TaskDto, TaskStatus } from '@yaodian/core';
import ExcelJS from 'exceljs';
import { localDate } from '../config/clock.js';
import { contentWithoutClause, targetLine } from '../domain/progress-sheet.js';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { planAttainment } from './attainment-service.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { loadTaskBoard } from './task-board.js';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  done: '已完成',
  overdue: '逾期',
  behind: '滞后',
  at_risk: '有风险',
  on_track: '正常推进',
  not_started: '未启动',
};

export const SHEET_HEADERS = [
  '序号',
  '重点工作',
  '具体内容',
  '牵头单位',
  '配合单位',
  '分管委领导',
  '完成时限',
  '指标目标/实际值',
  '完成进度(%)',
  '进展情况',
  '存在问题',
  '下步打算',
  '状态',
] as const;
const WIDTHS = [6, 20, 40, 14, 18, 10, 12, 26, 9, 36, 24, 24, 9];
// ExcelJS declares PaperSize as a const enum, which isolatedModules cannot inline; 9 is A4.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
const A4 = 9 as ExcelJS.PaperSize.A4;

const names = (units: readonly { name: string }[]): string => units.map((u) => u.name).join('、');

/** "截至2026年5月20日": the day the figures stand at, in China time. */
export function asOfLine(now: Date): string {
  const [year, month, day] = localDate(now).split('-').map(Number);
  return `截至${String(year)}年${String(month)}月${String(day)}日`;
}

/**
 * The plan's 推进表: a title row, the 截至 date line, Chinese headers, merged section rows, one row per task;
 * A4 landscape. Every figure comes from accepted reports only (status, progress, narrative, problems, next
 * steps and actual values); a report awaiting review or returned never reaches the sheet.
 */
export async function exportPlanWorkbook(
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  authorize(actor, 'plan.export');
  const plan = await visiblePlan(deps.db, actor, planId);
  const [board, attainment] = await Promise.all([
    loadTaskBoard(deps.db, plan, deps.clock.now()),
    planAttainment(deps.db, plan),
  ]);
  // Each target with its latest accepted actual: "县域内就诊率 ≥ 90%；实际 81%（2026年4月）".
  const targetsByItem = new Map<string, string[]>();
  for (const t of attainment.targets) {
    const latest = t.series.at(-1);
    const actual = latest
      ? `实际 ${String(latest.value)}${t.unit}（${latest.label}）`
      : '实际 暂无审核通过的数据';
    targetsByItem.set(t.itemId, [...(targetsByItem.get(t.itemId) ?? []), `${targetLine(t)}；${actual}`]);
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yaodian';
  workbook.created = deps.clock.now();
  const sheet = workbook.addWorksheet('推进表', {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.pageSetup.printTitlesRow = '1:3';
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const font = { name: '宋体', size: 10 };
  const border = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  } as const;

  const title = sheet.addRow([`${plan.title}推进表`]);
  sheet.mergeCells(title.number, 1, title.number, SHEET_HEADERS.length);
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  const asOf = sheet.addRow([asOfLine(deps.clock.now())]);
  sheet.mergeCells(asOf.number, 1, asOf.number, SHEET_HEADERS.length);
  asOf.font = font;
  asOf.alignment = { horizontal: 'right', vertical: 'middle' };
  const header = sheet.addRow([...SHEET_HEADERS]);
  header.font = { ...font, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.border = border;
  });

  let currentSection: string | null | undefined;
  let serial = 0;
  const addTask = (task: TaskDto): void => {
    serial += 1;
    const accepted = board.latestAccepted.get(task.id);
    const row = sheet.addRow([
      serial,
      task.title,
      contentWithoutClause(task.text),
      names(task.leadUnits),
      names(task.supportUnits),
      // 分管委领导: empty until leaders own tasks.
      '',
      task.deadlineText ?? task.deadline ?? '年内',
      (targetsByItem.get(task.id) ?? []).join('\n'),
      task.percent ?? '',
      accepted?.narrative ?? '',
      accepted?.problems ?? '',
      accepted?.next_steps ?? '',
      STATUS_LABELS[task.status],
    ]);
    row.font = font;
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
    });
  };
  for (const task of board.tasks) {
    if (task.sectionId !== currentSection) {
      currentSection = task.sectionId;
      if (task.sectionId) {
        const section = board.parts.tree.byId.get(task.sectionId)?.item;
        const row = sheet.addRow([`${section?.number ?? ''}、${task.sectionTitle ?? ''}`]);
        sheet.mergeCells(row.number, 1, row.number, SHEET_HEADERS.length);
        row.font = { ...font, bold: true, size: 11 };
        row.getCell(1).border = border;
      }
    }
    addTask(task);
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileName = `${plan.title}推进表.xlsx`;
  // Data leaving the system is a security event (等保 安全审计 a): who exported what, and how much.
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'plan.export',
    entity: 'plan',
    entityId: plan.id,
    after: { fileName, bytes: bytes.length, tasks: board.tasks.length },
    at: deps.clock.now(),
  });
  return { fileName, bytes };
}
