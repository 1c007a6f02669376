import { describe, it, expect } from 'vitest';
import { findAliases } from './aliases.js';

const PLAN = [
  '1.推进县级医院能力建设。（医政医管科牵头，规划信息科、妇幼健康科配合）',
  '2.加强基层卫生人才培养。（基层卫生科牵头，组织人事科配合）',
  '3.做好重大传染病防控。（疾控科牵头，市疾控中心配合）',
  '4.推进中医药传承创新。（中医科牵头，医政科、规信科配合）',
  '5.落实基本公共卫生服务项目，由基卫科负责，妇幼科协助做好妇幼项目。',
].join('\n');

const UNITS = [
  '医政医管科',
  '规划信息科',
  '妇幼健康科',
  '基层卫生科',
  '组织人事科',
  '疾控科',
  '市疾控中心',
  '中医科',
  '医政科',
  '规信科',
];

describe('findAliases', () => {
  const aliases = findAliases(UNITS, PLAN);
  const has = (short: string, full: string) => aliases.some((a) => a.short === short && a.full === full);

  it('links abbreviations printed in clauses to their full names', () => {
    expect(has('规信科', '规划信息科')).toBe(true);
    expect(has('医政科', '医政医管科')).toBe(true);
  });

  it('finds short forms used only in the running text', () => {
    expect(has('基卫科', '基层卫生科')).toBe(true);
    expect(has('妇幼科', '妇幼健康科')).toBe(true);
  });

  it('does not link names with different suffixes (疾控科 vs 市疾控中心)', () => {
    expect(aliases.some((a) => a.short === '疾控科' || a.full === '市疾控中心')).toBe(false);
  });

  it('does not link names that start differently (医政科 vs 中医科)', () => {
    expect(aliases.some((a) => a.short === '中医科' || a.full === '中医科')).toBe(false);
  });

  it('returns nothing else', () => {
    expect(aliases).toHaveLength(4);
  });

  it('links 委 to 委员会', () => {
    expect(findAliases(['市卫生健康委员会'], '市卫健委召开会议。')).toEqual([
      { short: '市卫健委', full: '市卫生健康委员会' },
    ]);
  });

  it('ignores a short form that fits two printed full names', () => {
    const result = findAliases(['医政医管科', '医政医疗科'], '由医政科负责。');
    expect(result).toEqual([]);
  });

  it('never links collective names (委机关各科室 vs 委机关各有关科室)', () => {
    const result = findAliases(['委机关各有关科室', '委机关各科室', '委直属有关单位', '委直属单位'], '');
    expect(result).toEqual([]);
  });

  it('does not read a piece of the full name as its abbreviation (医管科 inside 医政医管科)', () => {
    expect(findAliases(['医政医管科'], '医政医管科牵头')).toEqual([]);
  });

  it('does not link a branch to its parent (市中心医院 vs 市中心医院东区分院)', () => {
    expect(findAliases(['市中心医院东区分院', '市中心医院'], '')).toEqual([]);
  });

  it('does not link names that differ by one character (市中医院 vs 市中心医院)', () => {
    expect(findAliases(['市中心医院', '市中医院'], '')).toEqual([]);
  });

  it('does not link a full name to itself when only the full name is printed', () => {
    expect(findAliases(['规划信息科'], '规划信息科牵头，规划信息科配合')).toEqual([]);
  });
});

describe('findAliases with parents printed inside department names', () => {
  it('links a short form of the parent organisation that a department name starts with', () => {
    const text =
      '（县卫生健康委员会医政股牵头，县人民政府办公室配合）。注：“县卫健委”即县卫生健康委员会，“县政府办”即县人民政府办公室。';
    const aliases = findAliases(['县卫生健康委员会医政股', '县人民政府办公室'], text);
    expect(aliases).toContainEqual({ short: '县卫健委', full: '县卫生健康委员会' });
    expect(aliases).toContainEqual({ short: '县政府办', full: '县人民政府办公室' });
  });

  it('does not take a parent from a name whose rest is not a unit', () => {
    const aliases = findAliases(['市卫生健康委员会'], '“市卫健委”即市卫生健康委员会。');
    expect(aliases).toEqual([{ short: '市卫健委', full: '市卫生健康委员会' }]);
    expect(findAliases(['市人民政府大楼'], '市政府')).toEqual([]);
  });
});
