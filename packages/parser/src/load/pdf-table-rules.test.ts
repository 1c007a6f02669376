import { describe, expect, it } from 'vitest';
import type { TableRow } from './document.js';
import type { TextRun } from './pdf-layout.js';
import type { HRule, Rules, VRule } from './pdf-rules.js';
import { findRuledTables } from './pdf-table-rules.js';

const FONT = 10;

/** A run of CJK text (each character one em wide) whose baseline sits 4pt above a cell's bottom. */
function run(text: string, x: number, y: number): TextRun {
  return { text, x, y, width: text.length * FONT, fontSize: FONT };
}

/** Full grid rules over the given edges: xs ascending, ys descending. */
function grid(xs: number[], ys: number[]): Rules {
  const first = xs[0] ?? 0;
  const last = xs[xs.length - 1] ?? 0;
  const top = ys[0] ?? 0;
  const bottom = ys[ys.length - 1] ?? 0;
  return {
    horizontal: ys.map((y): HRule => ({ y, x0: first, x1: last })),
    vertical: xs.map((x): VRule => ({ x, y0: bottom, y1: top })),
  };
}

const cells = (rows: TableRow[]): string[][] =>
  rows.map((r) => r.cells.map((c) => (c.continued ? '^' : c.text) + (c.colSpan > 1 ? `*${c.colSpan}` : '')));

describe('findRuledTables', () => {
  const xs = [50, 100, 250, 350];
  const ys = [700, 680, 640, 620];

  it('assigns text to the cells of a drawn grid and joins a cell’s wrapped CJK lines without a space', () => {
    const runs = [
      run('序号', 52, 685),
      run('重点任务', 102, 685),
      run('牵头单位', 252, 685),
      run('1', 52, 665),
      run('推进医共体', 102, 665),
      run('建设', 102, 650),
      run('医政股', 252, 665),
      run('2', 52, 625),
      run('深化改革', 102, 625),
      run('人事股', 252, 625),
      run('表格外的正文', 50, 500),
    ];
    const { tables, rest } = findRuledTables(grid(xs, ys), runs);
    expect(tables).toHaveLength(1);
    expect(cells(tables[0]?.rows ?? [])).toEqual([
      ['序号', '重点任务', '牵头单位'],
      ['1', '推进医共体建设', '医政股'],
      ['2', '深化改革', '人事股'],
    ]);
    expect(rest.map((r) => r.text)).toEqual(['表格外的正文']);
    expect(tables[0]?.top).toBe(700);
    expect(tables[0]?.bottom).toBe(620);
  });

  it('gives a cell with no inner vertical rule a colSpan, and a cell with no rule below it continued cells', () => {
    const rules = grid(xs, ys);
    // Row 2 (680..640) has no inner verticals: one cell across the table.
    rules.vertical = [
      { x: 50, y0: 620, y1: 700 },
      { x: 350, y0: 620, y1: 700 },
      { x: 100, y0: 680, y1: 700 },
      { x: 250, y0: 680, y1: 700 },
      { x: 100, y0: 620, y1: 640 },
      { x: 250, y0: 620, y1: 640 },
    ];
    rules.horizontal = [
      { y: 700, x0: 50, x1: 350 },
      { y: 680, x0: 50, x1: 350 },
      { y: 640, x0: 50, x1: 350 },
      { y: 620, x0: 50, x1: 350 },
    ];
    const runs = [
      run('序号', 52, 685),
      run('任务', 102, 685),
      run('单位', 252, 685),
      run('一、深化改革', 52, 660),
      run('1', 52, 625),
      run('甲', 102, 625),
      run('乙', 252, 625),
    ];
    const { tables } = findRuledTables(rules, runs);
    expect(cells(tables[0]?.rows ?? [])).toEqual([
      ['序号', '任务', '单位'],
      ['一、深化改革*3'],
      ['1', '甲', '乙'],
    ]);
  });

  it('marks the rows a vertically merged cell covers as continued', () => {
    const rules = grid(xs, [700, 680, 660, 640]);
    // The rule under row 2 stops short of column 3: 医政股 spans rows 2 and 3.
    rules.horizontal[2] = { y: 660, x0: 50, x1: 250 };
    const runs = [
      run('序号', 52, 685),
      run('任务', 102, 685),
      run('牵头', 252, 685),
      run('1', 52, 665),
      run('甲', 102, 665),
      run('医政股', 252, 655),
      run('2', 52, 645),
      run('乙', 102, 645),
    ];
    const rows = findRuledTables(rules, runs).tables[0]?.rows ?? [];
    expect(cells(rows)).toEqual([
      ['序号', '任务', '牵头'],
      ['1', '甲', '医政股'],
      ['2', '乙', '^'],
    ]);
    expect(rows[2]?.cells[2]).toEqual({ text: '', colSpan: 1, continued: true });
  });

  it('reads a table without outer side borders from its horizontal rules’ extent', () => {
    const rules: Rules = {
      horizontal: [700, 680, 660].map((y) => ({ y, x0: 40, x1: 360 })),
      vertical: [100, 250].map((x) => ({ x, y0: 660, y1: 700 })),
    };
    const runs = [
      run('甲', 45, 685),
      run('乙', 102, 685),
      run('丙', 252, 685),
      run('丁', 45, 665),
      run('戊', 102, 665),
      run('己', 252, 665),
    ];
    expect(cells(findRuledTables(rules, runs).tables[0]?.rows ?? [])).toEqual([
      ['甲', '乙', '丙'],
      ['丁', '戊', '己'],
    ]);
  });

  it('ignores a box around a paragraph and lone underlines', () => {
    const frame: Rules = {
      horizontal: [
        { y: 700, x0: 50, x1: 350 },
        { y: 600, x0: 50, x1: 350 },
        { y: 500, x0: 60, x1: 120 },
      ],
      vertical: [
        { x: 50, y0: 600, y1: 700 },
        { x: 350, y0: 600, y1: 700 },
      ],
    };
    const runs = [run('方框里的一段说明文字', 60, 650)];
    const { tables, rest } = findRuledTables(frame, runs);
    expect(tables).toEqual([]);
    expect(rest).toHaveLength(1);
  });

  it('gives up on a page of thousands of rules quickly instead of building a huge grid', () => {
    const horizontal = Array.from({ length: 2000 }, (_, i) => ({ y: i * 3, x0: 0, x1: 6000 }));
    const vertical = Array.from({ length: 2000 }, (_, i) => ({ x: i * 3, y0: 0, y1: 6000 }));
    // No clock here (speed is bench:parse): a super-linear blow-up would run into the test's time-out instead.
    const { tables } = findRuledTables({ horizontal, vertical }, [run('字', 10, 10)]);
    expect(tables).toEqual([]);
  }, 60_000);
});
