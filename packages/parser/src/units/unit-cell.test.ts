import { describe, it, expect } from 'vitest';
import { parseUnitCell } from './unit-cell.js';

const CELLS: { name: string; cell: string; units: string[] }[] = [
  { name: 'a 、 list', cell: '医政医管科、中医科', units: ['医政医管科', '中医科'] },
  {
    name: 'one unit per line',
    cell: '规划信息科\n财务科\r\n办公室',
    units: ['规划信息科', '财务科', '办公室'],
  },
  {
    name: 'a role printed as a bracketed note',
    cell: '市卫健委（牵头）、市医保局',
    units: ['市卫健委', '市医保局'],
  },
  {
    name: 'a bracket that is part of the name',
    cell: '各县（市、区）人民政府',
    units: ['各县（市、区）人民政府'],
  },
  { name: 'numbered lines', cell: '1.疾控科\n2.卫生监督所', units: ['疾控科', '卫生监督所'] },
  { name: 'slashes', cell: '医政科/中医科／疾控科', units: ['医政科', '中医科', '疾控科'] },
  { name: 'an 等有关科室 tail', cell: '妇幼健康科、疾控科等有关科室', units: ['妇幼健康科', '疾控科'] },
  {
    name: 'role words after the names',
    cell: '老龄健康科牵头，医政医管科配合',
    units: ['老龄健康科', '医政医管科'],
  },
  { name: 'a label inside the cell', cell: '配合单位：财务科、审计科', units: ['财务科', '审计科'] },
  { name: '按职责分工负责', cell: '各县市区卫生健康局按职责分工负责', units: ['各县市区卫生健康局'] },
  { name: 'duplicates', cell: '医政科、医政科，中医科', units: ['医政科', '中医科'] },
  { name: 'an empty placeholder', cell: '—', units: [] },
  { name: '无', cell: '无', units: [] },
  { name: 'an empty cell', cell: '  ', units: [] },
];

describe('parseUnitCell', () => {
  for (const c of CELLS) {
    it(`reads ${c.name}`, () => {
      expect(parseUnitCell(c.cell)).toEqual(c.units);
    });
  }
});
