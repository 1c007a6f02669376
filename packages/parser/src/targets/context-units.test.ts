import { describe, expect, it } from 'vitest';
import { readContextUnit } from './context-units.js';

/** Reads the context unit after the number `n` printed in `s`, as if a level word stood before it or not. */
function after(s: string, n: string, levelWord = true): string | null {
  const pos = s.indexOf(n) + n.length;
  return readContextUnit(s, pos, s.length, levelWord)?.unit ?? null;
}

describe('readContextUnit', () => {
  it('reads 岁 that closes its clause after a level word', () => {
    expect(after('人均预期寿命达到79.8岁，', '79.8')).toBe('岁');
    expect(after('人均预期寿命提高到80岁以上。', '80')).toBe('岁');
  });

  it('leaves 岁 before a population noun to the age reader', () => {
    expect(after('达到65岁以上老年人', '65')).toBeNull();
    expect(after('达到3岁儿童', '3')).toBeNull();
  });

  it('needs a level word before the number', () => {
    expect(after('人均预期寿命79岁。', '79', false)).toBeNull();
    expect(after('平均级别4级。', '4', false)).toBeNull();
  });

  it('reads 级 that closes its clause and leaves a hospital grade alone', () => {
    expect(after('平均级别达到5级以上，', '5')).toBe('级');
    expect(after('达到3级医院标准', '3')).toBeNull();
  });

  it('reads 成 as a rate unit', () => {
    const s = '发病数减少2成。';
    expect(readContextUnit(s, s.indexOf('2') + 1, s.length, true)).toEqual({
      unit: '成',
      kind: 'rate',
      end: s.indexOf('成') + 1,
    });
  });

  it('reads a word of Latin letters but not one letter', () => {
    expect(after('使用强度控制在40DDDs以下。', '40')).toBe('DDDs');
    expect(after('血铅控制在100mg以内，', '100')).toBe('mg');
    expect(after('建成5G网络', '5')).toBeNull();
  });

  it('stops at the end of the span', () => {
    const s = '达到80岁';
    expect(readContextUnit(s, s.length, s.length, true)).toBeNull();
    expect(readContextUnit(s, 4, 5, true)?.unit).toBe('岁');
  });
});
