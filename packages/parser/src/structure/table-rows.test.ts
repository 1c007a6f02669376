import { describe, expect, it } from 'vitest';
import { foldWidth } from '../clean/width.js';
import type { Block, TableRow } from '../load/document.js';
import { assemble } from '../segment/assemble.js';
import { buildOutline } from './build-outline.js';

const row = (...cells: (string | { text: string; colSpan?: number; continued?: boolean })[]): TableRow => ({
  cells: cells.map((c) =>
    typeof c === 'string'
      ? { text: c, colSpan: 1, continued: false }
      : { text: c.text, colSpan: c.colSpan ?? 1, continued: c.continued ?? false },
  ),
});

function read(blocks: Block[]) {
  const { text, segments } = assemble(blocks);
  const outline = buildOutline(text, foldWidth(text), segments);
  const slice = (s: { start: number; end: number } | null | undefined) =>
    s ? text.slice(s.start, s.end) : null;
  return { text, outline, slice };
}

describe('task tables', () => {
  it('makes a merged section row a parent and each data row a child with its columns', () => {
    const { outline, slice } = read([
      {
        kind: 'table',
        rows: [
          row('序号', '重点任务', '具体内容', '牵头单位', '配合单位', '完成时限'),
          row({ text: '一、公共卫生体系建设', colSpan: 6 }),
          row('1', '完善监测预警', '建成多点触发监测预警平台。', '疾控科', '规信科、医政科', '2026年9月底前'),
          row('2', '加强应急队伍', '组建市级应急队伍4支。', '应急办', '', '年内'),
          row({ text: '二、医疗服务', colSpan: 6 }),
          row('3', '改善就医体验', '推广预约诊疗。', '医政科', '', '12月底前'),
        ],
      },
    ]);
    const [first, second] = outline.roots;
    expect(first?.number).toBe('一');
    expect(slice(first?.title)).toBe('公共卫生体系建设');
    expect(first?.children.map((c) => c.number)).toEqual(['1', '2']);
    const task = first?.children[0];
    expect(slice(task?.title)).toBe('完善监测预警');
    expect(slice(task?.row?.detail)).toBe('建成多点触发监测预警平台。');
    expect(task?.row?.lead.map(slice)).toEqual(['疾控科']);
    expect(task?.row?.support.map(slice)).toEqual(['规信科、医政科']);
    expect(slice(task?.row?.deadline)).toBe('2026年9月底前');
    expect(second?.children.map((c) => c.number)).toEqual(['3']);
  });

  it('makes a vertically merged category cell a parent of the rows it spans', () => {
    const { outline, slice } = read([
      {
        kind: 'table',
        rows: [
          row('类别', '序号', '工作任务', '责任单位'),
          row('基层卫生', '1', '推进县域医共体建设', '基卫科'),
          row({ text: '', continued: true }, '2', '实施村医本土化培养', '基卫科、人事科'),
          row('妇幼健康', '3', '新增托位1000个', '妇幼科'),
        ],
      },
    ]);
    expect(outline.roots.map((r) => slice(r.title))).toEqual(['基层卫生', '妇幼健康']);
    expect(outline.roots.map((r) => r.children.map((c) => c.number))).toEqual([['1', '2'], ['3']]);
  });

  it('leaves a table without a task header outside the items', () => {
    const { outline } = read([{ kind: 'table', rows: [row('甲', '乙'), row('丙', '丁')] }]);
    expect(outline.roots).toEqual([]);
    expect(outline.loose).toHaveLength(1);
  });
});
