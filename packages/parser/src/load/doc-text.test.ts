import { describe, expect, it } from 'vitest';
import { docBodyToBlocks } from './doc-text.js';

describe('docBodyToBlocks', () => {
  it('rebuilds tab-terminated rows into a table and keeps other lines as paragraphs', () => {
    const body =
      '附件：分工表\n序号\t任务\t牵头单位\t\n一、医疗服务\t\n1\t改善就医\n体验\t医政科\t\n2\t互认\t\t\n结尾段落\n';
    const blocks = docBodyToBlocks(body);
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '附件：分工表' });
    expect(blocks[1]?.kind).toBe('table');
    if (blocks[1]?.kind === 'table') {
      expect(blocks[1].rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
        ['序号', '任务', '牵头单位'],
        ['一、医疗服务'],
        ['1', '改善就医\n体验', '医政科'],
        ['2', '互认'],
      ]);
      expect(blocks[1].rows[1]?.cells[0]?.colSpan).toBe(3);
    }
    expect(blocks[2]).toEqual({ kind: 'paragraph', text: '结尾段落' });
  });

  it('leaves a lone tabbed line as a paragraph', () => {
    expect(docBodyToBlocks('一、\t总体要求\n正文')).toEqual([
      { kind: 'paragraph', text: '一、\t总体要求' },
      { kind: 'paragraph', text: '正文' },
    ]);
  });
});
