import { describe, expect, it } from 'vitest';
import type { Block } from '../load/document.js';
import { readIndicatorTables, rebuildTextTables } from './text-tables.js';

const paras = (lines: string[]): Block[] => lines.map((text) => ({ kind: 'paragraph', text }));
const grid = (blocks: readonly Block[]): string[][][] =>
  blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((r) => r.cells.map((c) => c.text))] : []));

describe('rebuildTextTables', () => {
  it('rebuilds a pipe-joined task table from its header, keeping section rows', () => {
    const out = rebuildTextTables(
      paras([
        '序号 | 工作任务 | 牵头科室 | 完成时限',
        '一、医疗服务 |  |  | ',
        '1 | 建设胸痛中心 | 医政科 | 6月底',
        '2 | 推广日间手术 | 医政科、财务科 | 全年',
        '以上任务请按期完成。',
      ]),
    );
    expect(grid(out)).toEqual([
      [
        ['序号', '工作任务', '牵头科室', '完成时限'],
        ['一、医疗服务', '', '', ''],
        ['1', '建设胸痛中心', '医政科', '6月底'],
        ['2', '推广日间手术', '医政科、财务科', '全年'],
      ],
    ]);
    expect(out.at(-1)).toEqual({ kind: 'paragraph', text: '以上任务请按期完成。' });
  });

  it('cuts space-separated rows whose cells a PDF wrapped where each column has one width', () => {
    const out = rebuildTextTables(
      paras([
        '序号 重点任务 牵头单位 配合单位 时间节点',
        '1 完善急救网 络建设 急救中 心 医政科 2026年 6月',
        '2 提升院感防 控水平 院办 各医疗机 构 2026年 12月',
        '3 加强血液保障 血站 医政科 全年',
      ]),
    );
    expect(grid(out)[0]?.slice(1)).toEqual([
      ['1', '完善急救网络建设', '急救中心', '医政科', '2026年6月'],
      ['2', '提升院感防控水平', '院办', '各医疗机构', '2026年12月'],
      ['3', '加强血液保障', '血站', '医政科', '全年'],
    ]);
  });

  it('leaves lines alone when no task-table header opens them', () => {
    const lines = ['2026年 全县 卫生 健康 工作', '1 提升 能力', '2 加强 管理'];
    expect(rebuildTextTables(paras(lines))).toEqual(paras(lines));
  });
});

describe('readIndicatorTables', () => {
  it('reads name, target value and unit of measure as one target and clears the past value', () => {
    const cell = (text: string) => ({ text, colSpan: 1, continued: false });
    const [table] = readIndicatorTables([
      {
        kind: 'table',
        rows: [
          { cells: ['序号', '指标名称', '计量单位', '2025年完成值', '2026年目标值', '责任单位'].map(cell) },
          { cells: ['1', '孕产妇死亡率', '/10万', '8.1', '≤10', '妇幼科'].map(cell) },
        ],
      },
    ]);
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '任务指标名称', '计量单位', '2025年完成值', '2026年目标值', '责任单位'],
      ['1', '孕产妇死亡率', '/10万', '', '孕产妇死亡率≤10/10万', '妇幼科'],
    ]);
  });
});
