import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import { ByteView } from './doc-binary.js';
import { nfcName, readListOverrides, readLists, readLvl, toNumberingDefinitions } from './doc-lists.js';
import { NumberingCounter } from './docx-numbering.js';

interface LvlSpec {
  start?: number;
  nfc?: number;
  flags?: number;
  /** Level text with placeholders written as \u0000–\u0008. */
  text: string;
  restartLim?: number;
  papx?: number;
  chpx?: number;
}

/** An LVL: LVLF (28 bytes), grpprlPapx, grpprlChpx, then the Xst. */
function lvl(spec: LvlSpec): number[] {
  const lvlf = new Uint8Array(28);
  const view = new DataView(lvlf.buffer);
  view.setInt32(0, spec.start ?? 1, true);
  lvlf[4] = spec.nfc ?? 0;
  lvlf[5] = spec.flags ?? 0;
  let slot = 0;
  for (let i = 0; i < spec.text.length && slot < 9; i++) {
    if (spec.text.charCodeAt(i) < 9) lvlf[6 + slot++] = i + 1;
  }
  lvlf[24] = spec.chpx ?? 0;
  lvlf[25] = spec.papx ?? 0;
  lvlf[26] = spec.restartLim ?? 0;
  const xst = [spec.text.length & 0xff, spec.text.length >> 8];
  for (let i = 0; i < spec.text.length; i++)
    xst.push(spec.text.charCodeAt(i) & 0xff, spec.text.charCodeAt(i) >> 8);
  return [...lvlf, ...new Array<number>((spec.papx ?? 0) + (spec.chpx ?? 0)).fill(0x55), ...xst];
}

function le32(value: number): number[] {
  return [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff];
}

/** An LSTF for lsid; simple lists have one level. */
function lstf(lsid: number, simple = false): number[] {
  const out = new Array<number>(28).fill(0);
  out.splice(0, 4, ...le32(lsid));
  out[26] = simple ? 1 : 0;
  return out;
}

/** A plan outline: 一、 / （一） / 1. and six more decimal levels. */
function outlineLevels(): number[] {
  const out = [
    ...lvl({ nfc: 37, text: '\u0000、' }),
    ...lvl({ nfc: 37, text: '（\u0001）', papx: 3, chpx: 4 }),
    ...lvl({ nfc: 0, text: '\u0002.' }),
  ];
  for (let level = 3; level < 9; level++) out.push(...lvl({ text: String.fromCharCode(level) }));
  return out;
}

describe('nfcName', () => {
  it('names the MSONFC values plans use as w:numFmt does', () => {
    expect([0, 1, 3, 18, 22, 23, 33, 37, 38, 39, 255].map(nfcName)).toEqual([
      'decimal',
      'upperRoman',
      'upperLetter',
      'decimalEnclosedCircle',
      'decimalZero',
      'bullet',
      'taiwaneseCounting',
      'chineseCounting',
      'chineseLegalSimplified',
      'chineseCountingThousand',
      'none',
    ]);
    expect(nfcName(200)).toBe('decimal');
  });
});

describe('readLvl', () => {
  it('turns placeholder characters into %N and skips both grpprls', () => {
    const bytes = new ByteView(
      Uint8Array.from(lvl({ start: 3, nfc: 37, text: '（\u0001）', papx: 5, chpx: 2 })),
    );
    const { level, end } = readLvl(bytes, 0);
    expect(level).toMatchObject({
      start: 3,
      numFmt: 'chineseCounting',
      lvlText: '（%2）',
      restart: undefined,
    });
    expect(end).toBe(bytes.length);
  });

  it('joins several levels in one text ("1.2") and reads fLegal', () => {
    const { level } = readLvl(new ByteView(Uint8Array.from(lvl({ flags: 0x04, text: '\u0000.\u0001' }))), 0);
    expect(level.lvlText).toBe('%1.%2');
    expect(level.isLegal).toBe(true);
  });

  it('keeps a level counting through shallower levels when fNoRestart is set', () => {
    const never = readLvl(new ByteView(Uint8Array.from(lvl({ flags: 0x08, text: '\u0001' }))), 0).level;
    const afterFirst = readLvl(
      new ByteView(Uint8Array.from(lvl({ flags: 0x08, restartLim: 1, text: '\u0002' }))),
      0,
    ).level;
    expect(never.restart).toBe(0);
    expect(afterFirst.restart).toBe(1);
  });

  it('throws corrupt_container when the level text runs past the stream', () => {
    const bytes = lvl({ text: '\u0000、' }).slice(0, 30);
    expect(() => readLvl(new ByteView(Uint8Array.from(bytes)), 0)).toThrow(ParseError);
  });
});

describe('readLists and readListOverrides', () => {
  it('reads nine levels per list and one for a simple list, the LVLs following the PlfLst', () => {
    const plfLst = [2, 0, ...lstf(0x1111), ...lstf(0x2222, true)];
    const table = Uint8Array.from([0xee, ...plfLst, ...outlineLevels(), ...lvl({ nfc: 23, text: '\u2022' })]);
    const lists = readLists(new ByteView(table), { fc: 1, lcb: plfLst.length });
    expect(lists.map((list) => [list.lsid, list.levels.length])).toEqual([
      [0x1111, 9],
      [0x2222, 1],
    ]);
    expect(lists[0]?.levels.slice(0, 3).map((level) => [level.numFmt, level.lvlText])).toEqual([
      ['chineseCounting', '%1、'],
      ['chineseCounting', '（%2）'],
      ['decimal', '%3.'],
    ]);
    expect(lists[1]?.levels[0]?.numFmt).toBe('bullet');
  });

  it('rejects a list count the PlfLst cannot hold', () => {
    const table = new ByteView(Uint8Array.from([9, 0, ...lstf(1)]));
    expect(() => readLists(table, { fc: 0, lcb: 30 })).toThrow(ParseError);
  });

  it('reads an LFO’s start-at override and a redefined level', () => {
    const lfo = (lsid: number, levels: number) => [...le32(lsid), ...le32(0), ...le32(0), levels, 0, 0, 0];
    const plfLfo = [...le32(2), ...lfo(0x1111, 0), ...lfo(0x1111, 2)];
    const data = [
      ...le32(0), // LFOData of the first LFO: no levels
      ...le32(0),
      ...le32(5),
      ...le32(0x10 | 1), // level 1 restarts at 5
      ...le32(0),
      ...le32(0x20 | 2), // level 2 is redefined
      ...lvl({ nfc: 4, text: '\u0002)' }),
    ];
    const overrides = readListOverrides(new ByteView(Uint8Array.from([...plfLfo, ...data])), {
      fc: 0,
      lcb: plfLfo.length,
    });
    expect(overrides).toHaveLength(2);
    expect(overrides[0]?.startOverrides.size).toBe(0);
    expect([...(overrides[1]?.startOverrides ?? [])]).toEqual([[1, 5]]);
    expect(overrides[1]?.levelOverrides.get(2)?.lvlText).toBe('%3)');
  });
});

describe('counting .doc lists with the .docx counter', () => {
  const levels =
    readLists(new ByteView(Uint8Array.from([1, 0, ...lstf(7), ...outlineLevels()])), { fc: 0, lcb: 30 })[0]
      ?.levels ?? [];
  const plain = { startOverrides: new Map<number, number>(), levelOverrides: new Map() };
  const sheet = { styles: new Map(), defaultParagraphStyle: undefined };

  it('continues one list through two LFOs and restarts deeper levels', () => {
    const defs = toNumberingDefinitions(
      [{ lsid: 7, levels }],
      [
        { lsid: 7, ...plain },
        { lsid: 7, ...plain },
      ],
    );
    const counter = new NumberingCounter(defs, sheet);
    const labels = [
      counter.next('1', 0, undefined),
      counter.next('1', 1, undefined),
      counter.next('1', 2, undefined),
      counter.next('2', 2, undefined),
      counter.next('2', 0, undefined),
      counter.next('1', 1, undefined),
    ];
    expect(labels).toEqual(['一、', '（一）', '1.', '2.', '二、', '（一）']);
  });

  it('counts two lists with separate lsids apart, as Word does', () => {
    const defs = toNumberingDefinitions(
      [
        { lsid: 7, levels },
        { lsid: 8, levels },
      ],
      [
        { lsid: 8, ...plain },
        { lsid: 7, ...plain },
      ],
    );
    const counter = new NumberingCounter(defs, sheet);
    expect([
      counter.next('1', 0, undefined),
      counter.next('2', 0, undefined),
      counter.next('2', 0, undefined),
    ]).toEqual(['一、', '一、', '二、']);
  });

  it('restarts a level at an LFO’s start-at value when that LFO is first used', () => {
    const restart = { lsid: 7, startOverrides: new Map([[2, 4]]), levelOverrides: new Map() };
    const defs = toNumberingDefinitions([{ lsid: 7, levels }], [{ lsid: 7, ...plain }, restart]);
    const counter = new NumberingCounter(defs, sheet);
    expect([
      counter.next('1', 2, undefined),
      counter.next('1', 2, undefined),
      counter.next('2', 2, undefined),
      counter.next('2', 2, undefined),
    ]).toEqual(['1.', '2.', '4.', '5.']);
  });
});
