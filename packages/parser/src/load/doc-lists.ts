import { ParseError } from '../errors.js';
import type { FcLcb } from './doc-binary.js';
import { ByteView } from './doc-binary.js';
import type {
  AbstractNumbering,
  NumberingDefinitions,
  NumberingInstance,
  NumberingLevel,
} from './docx-numbering.js';

// MSONFC ([MS-OSHARED] 2.2.1.3) by value, named as w:numFmt so number-format.ts formats both.
const NFC_NAMES: readonly string[] = [
  'decimal',
  'upperRoman',
  'lowerRoman',
  'upperLetter',
  'lowerLetter',
  'ordinal',
  'cardinalText',
  'ordinalText',
  'hex',
  'chicago',
  'ideographDigital',
  'japaneseCounting',
  'aiueo',
  'iroha',
  'decimalFullWidth',
  'decimalHalfWidth',
  'japaneseLegal',
  'japaneseDigitalTenThousand',
  'decimalEnclosedCircle',
  'decimalFullWidth2',
  'aiueoFullWidth',
  'irohaFullWidth',
  'decimalZero',
  'bullet',
  'ganada',
  'chosung',
  'decimalEnclosedFullstop',
  'decimalEnclosedParen',
  'decimalEnclosedCircleChinese',
  'ideographEnclosedCircle',
  'ideographTraditional',
  'ideographZodiac',
  'ideographZodiacTraditional',
  'taiwaneseCounting',
  'ideographLegalTraditional',
  'taiwaneseCountingThousand',
  'taiwaneseDigital',
  'chineseCounting',
  'chineseLegalSimplified',
  'chineseCountingThousand',
];

export function nfcName(nfc: number): string {
  if (nfc === 0xff) return 'none';
  return NFC_NAMES[nfc] ?? 'decimal';
}

const LSTF_SIZE = 28;
const LVLF_SIZE = 28;
const LFO_SIZE = 16;
const LFOLVL_SIZE = 8;
const MAX_LISTS = 4096;
const MAX_LFOS = 0x7fe;

/** A list definition (LSTF) with its levels; `id` is the lsid that LFOs refer to. */
export interface DocList {
  lsid: number;
  levels: NumberingLevel[];
}

/**
 * Reads one LVL ([MS-DOC] 2.9.150): LVLF, two grpprls we skip, then the level text, whose
 * placeholder characters (located by rgbxchNums) hold the zero-based level they stand for. The
 * text becomes w:lvlText form ("%1.") so the .docx counter logic applies unchanged.
 */
export function readLvl(table: ByteView, at: number): { level: NumberingLevel; end: number } {
  const start = table.i32(at);
  const nfc = table.u8(at + 4);
  const flags = table.u8(at + 5);
  const placeholderPositions = new Set<number>();
  for (let i = 0; i < 9; i++) {
    const position = table.u8(at + 6 + i);
    if (position === 0) break;
    placeholderPositions.add(position - 1);
  }
  const cbGrpprlChpx = table.u8(at + 24);
  const cbGrpprlPapx = table.u8(at + 25);
  const ilvlRestartLim = table.u8(at + 26);
  const xst = at + LVLF_SIZE + cbGrpprlPapx + cbGrpprlChpx;
  const cch = table.u16(xst);
  const raw = table.utf16(xst + 2, cch);
  let lvlText = '';
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (placeholderPositions.has(i) && code < 9) lvlText += `%${code + 1}`;
    else if (code >= 0x20) lvlText += raw.charAt(i);
  }
  const noRestart = (flags & 0x08) !== 0;
  return {
    level: {
      start,
      numFmt: nfcName(nfc),
      lvlText,
      // fNoRestart keeps counting except after levels shallower than ilvlRestartLim (0: never).
      restart: noRestart ? ilvlRestartLim : undefined,
      isLegal: (flags & 0x04) !== 0,
      pStyle: undefined,
    },
    end: xst + 2 + cch * 2,
  };
}

/**
 * PlfLst ([MS-DOC] 2.9.183): cLst LSTFs; their LVLs follow the PlfLst in the table stream, nine per
 * list, or one for a simple list.
 */
export function readLists(table: ByteView, plfLst: FcLcb): DocList[] {
  if (plfLst.lcb < 2) return [];
  const count = table.i16(plfLst.fc);
  if (count < 0 || count > MAX_LISTS || 2 + count * LSTF_SIZE > plfLst.lcb) {
    throw new ParseError('corrupt_container', 'The .doc list table has a bad count');
  }
  const lists: DocList[] = [];
  let lvlAt = plfLst.fc + 2 + count * LSTF_SIZE;
  for (let i = 0; i < count; i++) {
    const lstf = plfLst.fc + 2 + i * LSTF_SIZE;
    const lsid = table.i32(lstf);
    const simple = (table.u8(lstf + 26) & 0x01) !== 0;
    const levels: NumberingLevel[] = [];
    for (let level = 0; level < (simple ? 1 : 9); level++) {
      const read = readLvl(table, lvlAt);
      levels.push(read.level);
      lvlAt = read.end;
    }
    lists.push({ lsid, levels });
  }
  return lists;
}

/** A list override (LFO + LFOData): which list an ilfo uses and the levels it restarts or redefines. */
export interface DocListOverride {
  lsid: number;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, NumberingLevel>;
}

/** PlfLfo ([MS-DOC] 2.9.182): lfoMac LFOs, then one LFOData per LFO with its LFOLVLs (and LVLs). */
export function readListOverrides(table: ByteView, plfLfo: FcLcb): DocListOverride[] {
  if (plfLfo.lcb < 4) return [];
  const count = table.i32(plfLfo.fc);
  if (count < 0 || count > MAX_LFOS || 4 + count * LFO_SIZE > plfLfo.lcb) {
    throw new ParseError('corrupt_container', 'The .doc list override table has a bad count');
  }
  const overrides: DocListOverride[] = [];
  let dataAt = plfLfo.fc + 4 + count * LFO_SIZE;
  for (let i = 0; i < count; i++) {
    const lfo = plfLfo.fc + 4 + i * LFO_SIZE;
    const lsid = table.i32(lfo);
    const levelCount = Math.min(table.u8(lfo + 12), 9);
    const startOverrides = new Map<number, number>();
    const levelOverrides = new Map<number, NumberingLevel>();
    dataAt += 4; // LFOData.cp
    for (let j = 0; j < levelCount; j++) {
      const startAt = table.i32(dataAt);
      const bits = table.u32(dataAt + 4);
      dataAt += LFOLVL_SIZE;
      const ilvl = bits & 0x0f;
      if ((bits & 0x20) !== 0) {
        const read = readLvl(table, dataAt);
        dataAt = read.end;
        if (ilvl < 9) levelOverrides.set(ilvl, read.level);
      }
      if ((bits & 0x10) !== 0 && ilvl < 9) startOverrides.set(ilvl, startAt);
    }
    overrides.push({ lsid, startOverrides, levelOverrides });
  }
  return overrides;
}

/**
 * The .doc lists as the .docx counter expects them: one abstract definition per LSTF (keyed by its
 * lsid) and one w:num per LFO, keyed by its 1-based ilfo as sprmPIlfo gives it.
 */
export function toNumberingDefinitions(
  lists: readonly DocList[],
  overrides: readonly DocListOverride[],
): NumberingDefinitions {
  const abstracts = new Map<string, AbstractNumbering>();
  const nums = new Map<string, NumberingInstance>();
  for (const list of lists) {
    const id = String(list.lsid);
    if (abstracts.has(id)) continue;
    abstracts.set(id, {
      id,
      levels: new Map(list.levels.map((level, index) => [index, level])),
      numStyleLink: undefined,
    });
  }
  overrides.forEach((override, index) => {
    const numId = String(index + 1);
    nums.set(numId, {
      numId,
      abstractNumId: String(override.lsid),
      startOverrides: override.startOverrides,
      levelOverrides: override.levelOverrides,
    });
  });
  return { abstracts, nums };
}
