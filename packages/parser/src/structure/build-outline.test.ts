import { describe, expect, it } from 'vitest';
import { foldWidth } from '../clean/width.js';
import { assemble } from '../segment/assemble.js';
import { buildOutline } from './build-outline.js';
import type { OutlineNode } from './outline.js';

function outline(lines: string[]) {
  const { text, segments } = assemble(lines.map((t) => ({ kind: 'paragraph' as const, text: t })));
  const result = buildOutline(text, foldWidth(text), segments);
  const shape = (nodes: OutlineNode[]): unknown[] =>
    nodes.map((n) => (n.children.length > 0 ? [n.number, shape(n.children)] : n.number));
  const titles: string[] = [];
  const walk = (nodes: OutlineNode[]): void => {
    for (const n of nodes) {
      titles.push(text.slice(n.title.start, n.title.end));
      walk(n.children);
    }
  };
  walk(result.roots);
  return { text, result, shape: shape(result.roots), titles };
}

describe('buildOutline', () => {
  it('nests 1. under 一、 in one branch and under （一） in the next, as the styles appear', () => {
    const { shape } = outline([
      '一、工作目标',
      '1.目标一。',
      '2.目标二。',
      '二、重点工作',
      '（一）以党建促发展',
      '1.任务一。',
      '2.任务二。',
      '（二）疫情防控',
      '3.任务三。',
    ]);
    expect(shape).toEqual([
      ['一', ['1', '2']],
      [
        '二',
        [
          ['一', ['1', '2']],
          ['二', ['3']],
        ],
      ],
    ]);
  });

  it('keeps （一）…（三十七） numbered across sections as children of each section', () => {
    const { shape } = outline([
      '一、总体要求',
      '（一）总体工作要求。',
      '二、深化改革',
      '（二）加快医联体建设。',
      '（三）促进协同。',
    ]);
    expect(shape).toEqual([
      ['一', ['一']],
      ['二', ['二', '三']],
    ]);
  });

  it('takes the title up to the first 。 and keeps the rest of the paragraph as the item text', () => {
    const { text, result, titles } = outline([
      '（二）加快医联(共)体建设。以构建整合型服务体系为载体，推进网格化布局。',
    ]);
    expect(titles).toEqual(['加快医联(共)体建设']);
    const node = result.roots[0];
    expect(node && text.slice(node.content.start, node.content.end)).toBe(
      '加快医联(共)体建设。以构建整合型服务体系为载体，推进网格化布局。',
    );
    expect(node && text.slice(node.source.start, node.source.end)).toMatch(/^（二）/);
  });

  it('appends unnumbered paragraphs to the item above them and keeps a preamble loose', () => {
    const { text, result } = outline([
      '全年工作的总体思路是稳中求进。',
      '一、深化改革',
      '以医联体建设为抓手，提升服务能力。',
    ]);
    expect(result.loose.map((s) => text.slice(s.start, s.end))).toEqual(['全年工作的总体思路是稳中求进。']);
    const node = result.roots[0];
    expect(node && text.slice(node.content.start, node.content.end)).toBe(
      '深化改革\n以医联体建设为抓手，提升服务能力。',
    );
  });

  it('does not make items of 一是/二是 enumerations', () => {
    const { shape } = outline(['一、深化改革', '一是完善考核；二是推进下沉。']);
    expect(shape).toEqual(['一']);
  });

  it('caps the depth at 8 levels with a warning', () => {
    // Eight styles nest eight deep; a restarted 一、 under them would be a ninth level.
    const { result } = outline([
      '二、甲',
      '（一）乙',
      '1.丙',
      '（1）丁',
      '①戊',
      '1）己',
      '第一部分 庚',
      '1、辛',
      '一、壬',
    ]);
    let depth = 0;
    for (let node = result.roots[0]; node; node = node.children[node.children.length - 1]) depth++;
    expect(depth).toBe(8);
    expect(result.warnings.map((w) => w.code)).toContain('depth_capped');
  });

  it('warns when the numbering skips a number', () => {
    const { result } = outline(['一、甲', '三、丙']);
    expect(result.warnings.map((w) => w.code)).toEqual(['numbering_gap']);
  });
});
