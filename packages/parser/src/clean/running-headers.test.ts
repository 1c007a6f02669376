import { describe, expect, it } from 'vitest';
import type { Block } from '../load/document.js';
import type { DroppedBlock } from './clean-blocks.js';
import { dropRunningHeaders } from './running-headers.js';

const paragraphs = (...lines: string[]): Block[] => lines.map((text) => ({ kind: 'paragraph', text }));
const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

describe('dropRunningHeaders', () => {
  it('drops a page header that opens the document and recurs on a later page', () => {
    const dropped: DroppedBlock[] = [{ kind: 'page_number', text: '— 1 —' }];
    const kept = dropRunningHeaders(
      paragraphs(
        '临江市卫生健康委员会 2026年工作要点',
        '2026年临江市卫生健康工作要点',
        '一、甲。',
        '临江市卫生健康委员会 2026年工作要点',
        '二、乙。',
      ),
      dropped,
    );
    expect(texts(kept)).toEqual(['2026年临江市卫生健康工作要点', '一、甲。', '二、乙。']);
    expect(dropped.map((d) => d.kind)).toEqual(['page_number', 'running_header', 'running_header']);
  });

  it('keeps repeated numbered headings and responsibility lines', () => {
    const lines = [
      '（一）工作目标',
      '牵头单位：医政股',
      '（一）工作目标',
      '牵头单位：医政股',
      '（一）工作目标',
      '牵头单位：医政股',
    ];
    expect(texts(dropRunningHeaders(paragraphs(...lines), [{ kind: 'page_number', text: '3' }]))).toEqual(
      lines,
    );
  });

  it('keeps repeated lines in a document without page numbers', () => {
    const lines = ['青山县卫生健康局', '关于印发工作要点的通知', '青山县卫生健康局', '2026年3月9日'];
    expect(texts(dropRunningHeaders(paragraphs(...lines), []))).toEqual(lines);
  });
});
