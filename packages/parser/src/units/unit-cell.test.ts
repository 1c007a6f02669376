import { describe, it, expect } from 'vitest';
import { parseUnitCell, readUnitRow } from './unit-cell.js';

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

describe('readUnitRow', () => {
  const FIRST = { firstListedLeads: true, responsibleLeads: false };
  const RESPONSIBLE = { firstListedLeads: false, responsibleLeads: true };

  it('reads a 牵头 column as lead and every other unit of the row as support', () => {
    expect(readUnitRow({ lead: ['疾控科'], support: ['市疾控中心、卫生监督所'], units: [] })).toEqual({
      units: ['疾控科', '市疾控中心', '卫生监督所'],
      lead: ['疾控科'],
      support: ['市疾控中心', '卫生监督所'],
    });
  });

  it('singles nobody out in a 责任单位 column when the document states no convention', () => {
    expect(readUnitRow({ lead: [], support: ['财务科'], units: ['体改科、医政科'] })).toEqual({
      units: ['体改科', '医政科', '财务科'],
      lead: [],
      support: ['财务科'],
    });
  });

  it('reads every 责任单位 as lead when the document says 责任单位 lead', () => {
    expect(readUnitRow({ lead: [], support: ['财务科'], units: ['体改科、医政科'] }, RESPONSIBLE)).toEqual({
      units: ['体改科', '医政科', '财务科'],
      lead: ['体改科', '医政科'],
      support: ['财务科'],
    });
  });

  it('reads only the first 责任单位 as lead when the document says the first one leads', () => {
    expect(readUnitRow({ lead: [], support: [], units: ['体改科、医政科、财务科'] }, FIRST)).toEqual({
      units: ['体改科', '医政科', '财务科'],
      lead: ['体改科'],
      support: ['医政科', '财务科'],
    });
  });

  it('keeps a role printed in the cell over the convention', () => {
    expect(
      readUnitRow({ lead: [], support: [], units: ['市卫健委、市医保局（牵头）、市财政局'] }, RESPONSIBLE),
    ).toEqual({
      units: ['市医保局', '市卫健委', '市财政局'],
      lead: ['市医保局'],
      support: ['市卫健委', '市财政局'],
    });
  });

  it('reads roles written after the names in a 责任单位 cell', () => {
    expect(readUnitRow({ lead: [], support: [], units: ['中医科牵头，医政科、科教科配合'] })).toEqual({
      units: ['中医科', '医政科', '科教科'],
      lead: ['中医科'],
      support: ['医政科', '科教科'],
    });
  });

  it('reads an empty row as no units', () => {
    expect(readUnitRow({ lead: ['—'], support: ['无'], units: [] }, FIRST)).toEqual({
      units: [],
      lead: [],
      support: [],
    });
  });
});
