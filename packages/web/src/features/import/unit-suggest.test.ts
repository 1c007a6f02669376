import { describe, expect, it } from 'vitest';
import type { UnitDto } from '../../api/endpoints.js';
import { guessKind, scoreUnit, splitAliases, suggestUnits } from './unit-suggest.js';

const unit = (name: string, aliases: string[] = []): UnitDto => ({
  id: name,
  name,
  kind: 'department',
  aliases,
  linkedTenantId: null,
});

describe('unit suggestions', () => {
  const units = [
    unit('规划信息科'),
    unit('医政医管科', ['医政科']),
    unit('妇幼健康科'),
    unit('临水县卫生健康局'),
  ];

  it('ranks an abbreviation first: 规信科 means 规划信息科', () => {
    expect(suggestUnits('规信科', units)[0]?.name).toBe('规划信息科');
  });

  it('matches a known alias exactly', () => {
    expect(scoreUnit('医政科', units[1] ?? unit('x'))).toBe(100);
  });

  it('offers nothing for an unrelated name', () => {
    expect(suggestUnits('财务审计处', units)).toEqual([]);
  });

  it('guesses the kind of a unit from its name', () => {
    expect(guessKind('云溪区卫生健康局')).toBe('county');
    expect(guessKind('疾病预防控制科')).toBe('department');
    expect(guessKind('市中心医院')).toBe('affiliated');
  });

  it('splits aliases on either comma, 、 and spaces without duplicates', () => {
    expect(splitAliases('规信科，规划科、 规信科 ,x')).toEqual(['规信科', '规划科', 'x']);
  });
});
