import { describe, expect, it } from 'vitest';
import type { TableRow } from './document.js';
import type { TextRun } from './pdf-layout.js';
import { findColumnTables } from './pdf-table-columns.js';

const FONT = 10;
const COLUMNS = [74, 104, 204, 344];

function run(text: string, x: number, y: number): TextRun {
  return { text, x, y, width: text.length * FONT, fontSize: FONT };
}

/** One text line with a piece of text in some columns (undefined = empty cell). */
function tableLine(y: number, ...texts: (string | undefined)[]): TextRun[] {
  return texts.flatMap((text, c) => (text === undefined ? [] : [run(text, COLUMNS[c] ?? 0, y)]));
}

const cells = (rows: TableRow[]): string[][] =>
  rows.map((r) => r.cells.map((c) => c.text + (c.colSpan > 1 ? `*${c.colSpan}` : '')));

describe('findColumnTables', () => {
  it('reads rows separated by wider gaps, with wrapped cells, a full-width section row and an empty cell', () => {
    const runs = [
      run('重点工作任务分工表', 225, 760),
      ...tableLine(720, '序号', '重点任务', '具体内容', '牵头单位'),
      run('一、深化医药卫生体制改革', 74, 700),
      ...tableLine(680, '1', '推进紧密型县域', '建成三个共享中心，县', '医政股'),
      ...tableLine(667, undefined, '医共体建设', '域内就诊率达到90%'),
      ...tableLine(647, '2', '深化公立医院改革', '医疗服务收入占比提高'),
      run('附表说明：以上任务按季度调度，各牵头单位按时报送进展情况。', 72, 600),
    ];
    const { tables, rest } = findColumnTables(runs);
    expect(tables).toHaveLength(1);
    expect(cells(tables[0]?.rows ?? [])).toEqual([
      ['序号', '重点任务', '具体内容', '牵头单位'],
      ['一、深化医药卫生体制改革*4'],
      ['1', '推进紧密型县域医共体建设', '建成三个共享中心，县域内就诊率达到90%', '医政股'],
      ['2', '深化公立医院改革', '医疗服务收入占比提高', ''],
    ]);
    expect(rest.map((r) => r.text)).toEqual([
      '重点工作任务分工表',
      '附表说明：以上任务按季度调度，各牵头单位按时报送进展情况。',
    ]);
  });

  it('starts rows at text in the first column when every line is equally spaced', () => {
    const runs = [
      ...tableLine(700, '序号', '任务', '内容', '单位'),
      ...tableLine(686, '1', '甲任务', '第一行', '医政股'),
      ...tableLine(672, undefined, undefined, '第二行'),
      ...tableLine(658, '2', '乙任务', '丙', '人事股'),
    ];
    expect(cells(findColumnTables(runs).tables[0]?.rows ?? [])).toEqual([
      ['序号', '任务', '内容', '单位'],
      ['1', '甲任务', '第一行第二行', '医政股'],
      ['2', '乙任务', '丙', '人事股'],
    ]);
  });

  it('leaves prose and two-column layouts as paragraphs', () => {
    const prose = [
      run('为扎实推进健康建设，持续提升全县医疗卫生服务水平，结合实际，', 72, 700),
      run('制定本方案。', 72, 680),
      run('一、总体目标', 100, 660),
    ];
    expect(findColumnTables(prose).tables).toEqual([]);
    const twoColumns = [700, 686, 672, 658].flatMap((y) => [run('左栏文字', 74, y), run('右栏文字', 300, y)]);
    expect(findColumnTables(twoColumns).tables).toEqual([]);
    // Three columns but only two rows: not enough to call it a table.
    expect(
      findColumnTables([...tableLine(700, '甲', '乙', '丙'), ...tableLine(686, '丁', '戊', '己')]).tables,
    ).toEqual([]);
  });
});
