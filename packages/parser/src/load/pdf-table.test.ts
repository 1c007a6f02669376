import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LONG_TABLE_NOTE, longTableRows } from '../../scripts/long-table-plan.js';
import { parsePlan } from '../parse-plan.js';
import type { Item } from '../plan.js';
import type { TableRow } from './document.js';
import type { PdfLine } from './pdf-layout.js';
import { loadDocument } from './load-document.js';
import { joinPages, orderPage } from './pdf-table.js';
import type { PageEntry, PdfTable } from './pdf-table.js';

const read = async (name: string) =>
  parsePlan(new Uint8Array(readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url))), {
    fileName: name,
  });

interface Projected {
  number: string | null;
  title: string;
  lead: unknown;
  support: unknown;
  units: unknown;
  targets: unknown[];
  children: Projected[];
}

const project = (items: readonly Item[]): Projected[] =>
  items.map((item) => ({
    number: item.number,
    title: item.title,
    lead: item.lead,
    support: item.support,
    units: item.units,
    targets: item.targets.map((t) => [t.value, t.unit, t.op]),
    children: project(item.children),
  }));

const countItems = (items: readonly Projected[]): number =>
  items.reduce((sum, item) => sum + 1 + countItems(item.children), 0);

describe('a plan whose task table is in a PDF', () => {
  it.each(['plan.pdf', 'plan.office.pdf'])(
    '%s gives the same item tree (numbers, titles, units, targets) as the UTF-8 text',
    async (name) => {
      const [expected, actual] = await Promise.all([read('plan.utf8.txt'), read(name)]);
      const projected = project(actual.items);
      expect(projected).toEqual(project(expected.items));
      // The table's four task rows are in the tree (the text fixture has them; a lost table would not).
      const titles = JSON.stringify(projected);
      for (const task of ['推进紧密型县域医共体建设', '加强乡村医生队伍建设'])
        expect(titles.split(task).length - 1).toBe(2);
      expect(countItems(projected)).toBe(countItems(project(expected.items)));
    },
  );
});

describe('a task table running over page breaks', () => {
  it.each(['plan-long-table.pdf', 'plan-long-table.office.pdf'])(
    '%s reads as one table with the header once and every row in order',
    async (name) => {
      const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url)));
      const doc = await loadDocument(bytes, { maxBytes: 20 * 1024 * 1024 });
      const tables = doc.blocks.filter((block) => block.kind === 'table');
      expect(tables).toHaveLength(1);
      const rows = tables[0]?.kind === 'table' ? tables[0].rows : [];
      expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual(longTableRows());
      // The note after the table follows it, and no page number or cell text is left as prose.
      const last = doc.blocks[doc.blocks.length - 1];
      expect(last).toEqual({ kind: 'paragraph', text: LONG_TABLE_NOTE });
      const prose = doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
      expect(prose.some((text) => /—\s*\d\s*—|医政股|序号/.test(text))).toBe(false);
    },
  );
});

const row = (...texts: string[]): TableRow => ({
  cells: texts.map((text) => ({ text, colSpan: 1, continued: false })),
});

function table(top: number, bottom: number, rows: TableRow[], columns = [72, 120, 300]): PdfTable {
  return { top, bottom, left: 72, right: 520, columns, rows };
}

function line(text: string, y: number, page: number): PdfLine {
  return { text, x0: 72, x1: 300, y, fontSize: 14, page };
}

const texts = (entries: PageEntry[]): string[][] =>
  entries.map((entry) =>
    entry.kind === 'line'
      ? [entry.line.text]
      : entry.table.rows.map((r) => r.cells.map((c) => c.text).join('|')),
  );

describe('orderPage and joinPages', () => {
  it('places a table between the lines above and below it', () => {
    const entries = orderPage(
      [line('上文', 700, 1), line('下文', 200, 1)],
      [table(600, 300, [row('a', 'b', 'c')])],
    );
    expect(texts(entries)).toEqual([['上文'], ['a|b|c'], ['下文']]);
  });

  it('joins a table continued on the next page and drops the repeated header row', () => {
    const header = row('序号', '重点任务', '牵头单位');
    const pages = [
      orderPage([line('附件', 760, 1)], [table(740, 60, [header, row('1', '甲', '医政股')])]),
      orderPage([line('结尾', 300, 2)], [table(780, 400, [header, row('2', '乙', '基层股')])]),
    ];
    expect(texts(joinPages(pages))).toEqual([
      ['附件'],
      ['序号|重点任务|牵头单位', '1|甲|医政股', '2|乙|基层股'],
      ['结尾'],
    ]);
  });

  it('keeps two tables apart when text sits between them or their columns differ', () => {
    const a = table(740, 60, [row('1', '甲', '医政股')]);
    const b = table(780, 400, [row('2', '乙', '基层股')]);
    const other = table(780, 400, [row('x', 'y', 'z')], [72, 200, 400]);
    expect(joinPages([orderPage([line('说明', 50, 1)], [a]), orderPage([], [b])])).toHaveLength(3);
    expect(joinPages([orderPage([], [a]), orderPage([], [other])])).toHaveLength(2);
    expect(joinPages([orderPage([], [a]), orderPage([], [b])])).toHaveLength(1);
  });
});
