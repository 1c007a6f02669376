import { describe, expect, it } from 'vitest';
import { isComparisonSign, isConnectorGap, isWordInside, levelWordBefore } from './ops.js';

function before(s: string, n: string): boolean {
  return levelWordBefore(s, s.indexOf(n), 0);
}

describe('levelWordBefore', () => {
  it('finds a level or change word right before the number', () => {
    expect(before('寿命达到79岁', '79')).toBe(true);
    expect(before('寿命提高到80岁', '80')).toBe(true);
    expect(before('强度控制在40DDDs', '40')).toBe(true);
    expect(before('例数减少一成', '一')).toBe(true);
  });

  it('skips connector characters between the word and the number', () => {
    expect(before('寿命达到了80岁', '80')).toBe(true);
  });

  it('rejects a verb, 为, a plain noun, and 达 inside another word', () => {
    expect(before('新增3岁', '3')).toBe(false);
    expect(before('年龄为65岁', '65')).toBe(false);
    expect(before('老年人65岁', '65')).toBe(false);
    expect(before('送达3级', '3')).toBe(false);
  });

  it('does not look before the floor', () => {
    const s = '达到80岁';
    expect(levelWordBefore(s, 2, 1)).toBe(false);
  });
});

describe('isWordInside', () => {
  it('tells 预约 and 到达 from 约 and 达 on their own', () => {
    expect(isWordInside('预约诊疗', 1)).toBe(true);
    expect(isWordInside('到达现场', 1)).toBe(true);
    expect(isWordInside('率约90%', 1)).toBe(false);
    expect(isWordInside('达到', 0)).toBe(false);
  });
});

describe('comparison signs', () => {
  it('knows the printed signs and treats one after 到 as a sign, not the end of a word', () => {
    for (const sign of ['≥', '≧', '＞', '>', '≤', '≦', '＜', '<']) expect(isComparisonSign(sign)).toBe(true);
    expect(isComparisonSign('=')).toBe(false);
    expect(isWordInside('降到≤3', 2)).toBe(false);
  });

  it('counts a sign after a level word as a level word for 岁', () => {
    expect(before('寿命≥81岁', '81')).toBe(true);
  });
});

describe('isConnectorGap', () => {
  it('accepts a population the value is counted per', () => {
    expect(isConnectorGap('每千人口')).toBe(true);
    expect(isConnectorGap('每万常住人口')).toBe(true);
    expect(isConnectorGap('每千名老年人')).toBe(true);
    expect(isConnectorGap('每10万人')).toBe(true);
  });

  it('rejects other 每 phrases and nouns', () => {
    expect(isConnectorGap('每人每年')).toBe(false);
    expect(isConnectorGap('每个乡镇')).toBe(false);
    expect(isConnectorGap('每千人口医疗机构')).toBe(false);
    expect(isConnectorGap('床位')).toBe(false);
  });
});
