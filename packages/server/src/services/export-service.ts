import type { TaskDto, TaskStatus } from '@yaodian/core';
import ExcelJS from 'exceljs';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
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
  '目标',
  '完成时限',
  '进展情况',
  '状态',
] as const;
const WIDTHS = [6, 22, 48, 16, 22, 26, 12, 40, 10];
// ExcelJS declares PaperSize as a const enum, which isolatedModules cannot inline; 9 is A4.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
const A4 = 9 as ExcelJS.PaperSize.A4;

const names = (units: readonly { name: string }[]): string => units.map((u) => u.name).join('、');

/** The plan's 推进表: a title row, Chinese headers, merged section rows, one row per task; A4 landscape. */
export async function exportPlanWorkbook(
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  authorize(actor, 'plan.export');
  const plan = await visiblePlan(deps.db, actor, planId);
  const board = await loadTaskBoard(deps.db, plan, deps.clock.now());
  const targetsByItem = new Map<string, string[]>();
  for (const t of board.parts.targets)
    targetsByItem.set(t.item_id, [
      ...(targetsByItem.get(t.item_id) ?? []),
      t.text || `${t.metric}${t.op}${String(t.value ?? `${String(t.lo)}–${String(t.hi)}`)}${t.unit}`,
    ]);

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
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.pageSetup.printTitlesRow = '1:2';
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
    const row = sheet.addRow([
      serial,
      task.title,
      task.text,
      names(task.leadUnits),
      names(task.supportUnits),
      (targetsByItem.get(task.id) ?? []).join('\n'),
      task.deadlineText ?? task.deadline ?? '年内',
      task.latestNarrative ?? '',
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
  return { fileName: `${plan.title}推进表.xlsx`, bytes };
}
