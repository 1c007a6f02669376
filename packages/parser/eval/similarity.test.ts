import { describe, expect, it } from 'vitest';
import {
  bigramDice,
  editSimilarity,
  metricSimilarity,
  normalise,
  normaliseNumber,
  titleSimilarity,
} from './similarity.js';

describe('similarity', () => {
  it('normalises width, spacing and trailing punctuation', () => {
    expect(normalise(' 加快医联（共）体 建设。')).toBe('加快医联(共)体建设');
  });

  it('computes bigram Dice over shared character pairs', () => {
    // 健康/康城 vs 健康/康村: one of two bigrams shared on each side.
    expect(bigramDice('健康城', '健康村')).toBeCloseTo(0.5);
    expect(bigramDice('科', '科')).toBe(1);
    expect(bigramDice('', '健康')).toBe(0);
  });

  it('computes edit similarity from Levenshtein distance', () => {
    expect(editSimilarity('提升服务能力', '提升服务水平')).toBeCloseTo(4 / 6);
    expect(editSimilarity('', '')).toBe(1);
  });

  it('scores a one-character change in a long title above the 0.8 threshold', () => {
    expect(titleSimilarity('提升县级医院综合服务能力', '提升县级医院综合服务水平')).toBeGreaterThanOrEqual(
      0.8,
    );
    expect(titleSimilarity('强化疾病预防控制', '全面加强党的建设')).toBeLessThan(0.3);
  });

  it('treats a metric contained in the other as the same metric', () => {
    expect(metricSimilarity('婴儿死亡率', '5岁以下儿童死亡率、婴儿死亡率')).toBe(1);
    expect(metricSimilarity('', '普惠率')).toBe(0);
  });

  it('ignores a parenthetical qualifier inside a metric', () => {
    expect(metricSimilarity('健康细胞省级示范点', '各类健康细胞（健康军营除外）省级示范点')).toBe(1);
    expect(metricSimilarity('健康细胞省级示范点', '无烟党政机关（单位）')).toBeLessThan(0.6);
  });

  it('strips brackets and punctuation from item numbers', () => {
    expect(normaliseNumber('（十二）')).toBe('十二');
    expect(normaliseNumber('３．')).toBe('3');
  });
});
