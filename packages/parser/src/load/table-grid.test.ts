import { describe, expect, it } from 'vitest';
import { layoutRows } from './table-grid.js';

const cell = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });

describe('layoutRows', () => {
  it('repeats a row-spanning cell as continued cells in the rows it covers, at its column', () => {
    const rows = layoutRows([
      [cell('1'), cell('甲', 1, 3), cell('x')],
      [cell('2'), cell('y')],
      [cell('3'), cell('z')],
    ]);
    expect(rows.map((row) => row.cells.map((c) => (c.continued ? '^' : c.text)))).toEqual([
      ['1', '甲', 'x'],
      ['2', '^', 'y'],
      ['3', '^', 'z'],
    ]);
  });

  it('keeps colSpan on the cell and on its continuations', () => {
    const rows = layoutRows([[cell('标题', 2, 2), cell('a')], [cell('b')]]);
    expect(rows[1]?.cells).toEqual([
      { text: '', colSpan: 2, continued: true },
      { text: 'b', colSpan: 1, continued: false },
    ]);
  });

  it('fills a span in the last column after the row ends', () => {
    const rows = layoutRows([[cell('a'), cell('医政股', 1, 2)], [cell('b')]]);
    expect(rows[1]?.cells.map((c) => c.continued)).toEqual([false, true]);
  });

  it('clamps a rowspan that runs past the table end', () => {
    const rows = layoutRows([[cell('a', 1, 1000)], [cell('b')]]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.cells[0]).toEqual({ text: '', colSpan: 1, continued: true });
  });
});
