import { describe, expect, it } from 'vitest';
import type { Block } from '../load/document.js';
import { assemble } from './assemble.js';

describe('assemble', () => {
  it('writes paragraphs one a line and records spans that slice back to each paragraph', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '  标题  ' },
      { kind: 'paragraph', text: '一、第一项。' },
    ];
    const { text, segments } = assemble(blocks);
    expect(text).toBe('标题\n一、第一项。');
    expect(segments.map((s) => text.slice(s.span.start, s.span.end))).toEqual(['标题', '一、第一项。']);
  });

  it('turns a run of tab-separated lines into one table, a short line between them being a row', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '序号\t重点任务\t牵头单位\t完成时限' },
      { kind: 'paragraph', text: '一、公共卫生' },
      { kind: 'paragraph', text: '1\t完善监测预警\t疾控科\t6月底前' },
    ];
    const { text, segments } = assemble(blocks);
    expect(segments).toHaveLength(1);
    const table = segments[0];
    if (table?.kind !== 'table') throw new Error('expected a table');
    expect(table.rows.map((r) => r.cells.map((c) => text.slice(c.span.start, c.span.end)))).toEqual([
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['一、公共卫生'],
      ['1', '完善监测预警', '疾控科', '6月底前'],
    ]);
  });

  it('keeps a heading whose number is followed by one tab as a paragraph', () => {
    const { segments } = assemble([
      { kind: 'paragraph', text: '一、\t加强党建' },
      { kind: 'paragraph', text: '二、\t深化改革' },
    ]);
    expect(segments.map((s) => s.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('writes merged continuation cells as empty cells', () => {
    const { text, segments } = assemble([
      {
        kind: 'table',
        rows: [
          {
            cells: [
              { text: '类别', colSpan: 1, continued: false },
              { text: '任务', colSpan: 1, continued: false },
            ],
          },
          {
            cells: [
              { text: '公共卫生', colSpan: 1, continued: false },
              { text: '甲', colSpan: 1, continued: false },
            ],
          },
          {
            cells: [
              { text: '公共卫生', colSpan: 1, continued: true },
              { text: '乙', colSpan: 1, continued: false },
            ],
          },
        ],
      },
    ]);
    expect(text).toBe('类别\t任务\n公共卫生\t甲\n\t乙');
    expect(segments[0]?.kind).toBe('table');
  });
});
