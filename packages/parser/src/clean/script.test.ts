import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build-plan.js';
import type { LoadedDocument } from '../load/document.js';
import { simplifiedCopy } from './script.js';

const doc = (lines: string[]): LoadedDocument => ({
  format: 'text',
  encoding: 'utf-8',
  blocks: lines.map((text) => ({ kind: 'paragraph', text })),
  hints: {},
});

describe('traditional script', () => {
  it('reads a traditional plan on a simplified copy of the same length', () => {
    const lines = ['（一）提升鄉鎮衛生院服務能力。新增2家衛生院達到推薦標準（醫政股牽頭，縣醫院配合）。'];
    const copy = simplifiedCopy(doc(lines));
    const block = copy.loaded.blocks[0];
    expect(block?.kind === 'paragraph' && block.text).toBe(
      '（一）提升乡镇卫生院服务能力。新增2家卫生院达到推荐标准（医政股牵头，县医院配合）。',
    );
    expect(copy.back?.('医政股')).toBe('醫政股');
  });

  it('gives units, titles and targets back as printed, with spans into the plan text', () => {
    const plan = buildPlan(
      doc([
        '鶴川縣2026年衛生健康工作要點',
        '一、提升鄉鎮衛生院服務能力。新增2家衛生院達到推薦標準，重點人羣簽約率不低於80%（醫政股牽頭，縣人民醫院配合）。',
      ]),
      { fileName: null, bytes: 0 },
    );
    const item = plan.items[0];
    expect(item?.title).toBe('提升鄉鎮衛生院服務能力');
    expect(item?.lead).toEqual(['醫政股']);
    expect(item?.support).toEqual(['縣人民醫院']);
    const target = item?.targets.find((t) => t.unit === '%');
    expect(target?.metric).toBe('重點人羣簽約率');
    expect(plan.text.slice(target?.source.start, target?.source.end)).toContain('80%');
    expect(plan.meta.region).toBe('鶴川縣');
  });

  it('leaves a simplified plan untouched', () => {
    const copy = simplifiedCopy(doc(['一、加强卫生院建设（医政股牵头）。']));
    expect(copy.back).toBeNull();
  });
});
