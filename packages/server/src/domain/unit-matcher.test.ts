import { describe, expect, it } from 'vitest';
import { createUnitMatcher } from './unit-matcher.js';

const match = createUnitMatcher({
  units: [
    { id: 'u-plan', name: '规划信息科' },
    { id: 'u-med', name: '医政医管科' },
    { id: 'c-1', name: '临水县卫生健康局' },
    { id: 'c-2', name: '云溪区卫生健康局' },
  ],
  aliases: [{ alias: '医政科', unit_id: 'u-med' }],
  groups: new Map([['各县市区卫生健康局', ['c-1', 'c-2']]]),
  planAliases: [{ short: '规信科', full: '规划信息科' }],
});

describe('unit matcher', () => {
  it('matches a unit by its full name and by a tenant alias', () => {
    expect(match('规划信息科')).toEqual(['u-plan']);
    expect(match('医政科')).toEqual(['u-med']);
  });

  it('matches an abbreviation the plan itself defines', () => {
    expect(match('规信科')).toEqual(['u-plan']);
  });

  it('expands a collective name to its group members, ignoring brackets and spaces', () => {
    expect(match('各县（市、区）卫生健康局')).toEqual(['c-1', 'c-2']);
    expect(match(' 各县市区卫生健康局 ')).toEqual(['c-1', 'c-2']);
  });

  it('returns null for a name nobody knows', () => {
    expect(match('市医保局')).toBeNull();
  });
});
