import { describe, expect, it } from 'vitest';
import { readUnit } from './units.js';

function unitAfter(s: string, n: string): string | null {
  const pos = s.indexOf(n) + n.length;
  return readUnit(s, pos, s.length)?.unit ?? null;
}

describe('readUnit compound units', () => {
  it('reads money per bed as one money unit', () => {
    expect(readUnit('补助6万元/床。', 3, 8)).toEqual({ unit: '万元/床', kind: 'money', end: 7 });
  });

  it('reads people per thousand people and beds per thousand population', () => {
    expect(unitAfter('达到3.2人/千人，', '3.2')).toBe('人/千人');
    expect(unitAfter('达到6.5张/千人口。', '6.5')).toBe('张/千人口');
    expect(unitAfter('达到4人/万人。', '4')).toBe('人/万人');
  });

  it('keeps a per-period unit and a per-population rate as before', () => {
    expect(unitAfter('达到1.5万管/日。', '1.5')).toBe('万管/日');
    expect(unitAfter('控制在10/10万以下', '10')).toBe('/10万');
  });

  it('does not take a slash followed by no unit', () => {
    expect(unitAfter('补助6元/其他', '6')).toBe('元');
  });

  it('reads 类, 批 and 颗', () => {
    expect(readUnit('推广8类技术', 3, 6)?.kind).toBe('weak');
    expect(unitAfter('分2批完成', '2')).toBe('批');
    expect(unitAfter('封闭3万颗', '3')).toBe('万颗');
  });
});
