import { Readable } from 'node:stream';
import { decodeText } from '@yaodian/parser';
import ExcelJS from 'exceljs';
import {
  FIRST_DATA_ROW,
  SHEET_COLUMNS,
  type OfferedLine,
  type RawLine,
  type SheetColumn,
} from '../domain/bulk-values.js';

/*
 * The period's value sheet as a file: the template written with exceljs (the library the exports use), and an
 * upload read back — .xlsx by exceljs, .csv by exceljs's CSV reader after the text is decoded the way plan
 * imports are (byte-order mark, UTF-8, then GB18030: what Excel in Chinese Windows saves).
 */

const ORDER = Object.keys(SHEET_COLUMNS) as SheetColumn[];
const HIDDEN: readonly SheetColumn[] = ['itemId', 'unitId', 'targetId'];

export const SHEET_NAME = '填报';
export const INSTRUCTIONS =
  '填写说明：每行一个指标（无指标的任务一行只填进度）。在“本期实际值”填数字，在“进度（%）”填0到100的整数，同一任务各行进度相同；不填报的行保持空白。请勿改动、删除隐藏列（任务ID、单位ID、指标ID），勿插入或删除表头。';

export interface TemplateInput {
  planTitle: string;
  periodLabel: string;
  lines: readonly OfferedLine[];
}

export async function writeValueTemplate(input: TemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.columns = ORDER.map((key) => ({
    key,
    width: key === 'taskTitle' ? 40 : key === 'metric' || key === 'note' ? 24 : 14,
    hidden: HIDDEN.includes(key),
  }));
  const intro = sheet.getRow(1);
  intro.getCell(1).value = `${input.planTitle} · ${input.periodLabel} · ${INSTRUCTIONS}`;
  intro.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  intro.height = 60;
  sheet.mergeCells(1, 1, 1, ORDER.indexOf('note') + 1);
  const headings = sheet.getRow(2);
  ORDER.forEach((key, i) => {
    headings.getCell(i + 1).value = SHEET_COLUMNS[key].label;
    headings.getCell(i + 1).font = { bold: true };
  });
  input.lines.forEach((line, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    const cells: Record<SheetColumn, string | number | null> = {
      taskNumber: line.taskNumber,
      taskTitle: line.taskTitle,
      unitName: line.unitName,
      metric: line.metric,
      target: line.targetText,
      oldValue: line.oldValue,
      value: null,
      percent: null,
      note: null,
      itemId: line.itemId,
      unitId: line.unitId,
      targetId: line.targetId,
    };
    ORDER.forEach((key, c) => {
      row.getCell(c + 1).value = cells[key];
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An upload's kind from its first bytes: a zip is .xlsx, anything else is tried as CSV text. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function cellValue(cell: ExcelJS.CellValue): unknown {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  if (typeof cell === 'object' && 'result' in cell) return cellValue(cell.result);
  if (typeof cell === 'object' && 'richText' in cell) return cell.richText.map((r) => r.text).join('');
  if (typeof cell === 'object' && 'text' in cell) return cell.text;
  // A date or a boolean is no number: kept as text, so the checks refuse it by its place.
  return cell instanceof Date ? cell.toISOString() : typeof cell === 'boolean' ? String(cell) : null;
}

function linesOf(sheet: ExcelJS.Worksheet): RawLine[] {
  const lines: RawLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number < FIRST_DATA_ROW) return;
    const at = (key: SheetColumn): unknown => cellValue(row.getCell(ORDER.indexOf(key) + 1).value);
    lines.push({
      row: number,
      itemId: at('itemId'),
      unitId: at('unitId'),
      targetId: at('targetId'),
      value: at('value'),
      percent: at('percent'),
      note: at('note'),
    });
  });
  return lines;
}

/** The lines of an uploaded .xlsx or .csv; throws when the bytes are neither. */
export async function readValueSheet(bytes: Buffer): Promise<RawLine[]> {
  const workbook = new ExcelJS.Workbook();
  if (isXlsx(bytes)) {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
    return sheet ? linesOf(sheet) : [];
  }
  const { text } = decodeText(bytes);
  // Every cell stays text: the checks decide what a number is, the same way for .csv and .xlsx.
  const sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value });
  return linesOf(sheet);
}
