import { ParseError } from '../errors.js';

/**
 * Little-endian reads that never run past the buffer: a .doc's offsets come from the file itself,
 * so every read is checked and a bad one is a corrupt container, not a RangeError.
 */
export class ByteView {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  private check(offset: number, size: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset + size > this.bytes.length) {
      throw new ParseError('corrupt_container', `The .doc file points outside a stream (${offset}+${size})`);
    }
  }

  u8(offset: number): number {
    this.check(offset, 1);
    return this.view.getUint8(offset);
  }

  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }

  i16(offset: number): number {
    this.check(offset, 2);
    return this.view.getInt16(offset, true);
  }

  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }

  i32(offset: number): number {
    this.check(offset, 4);
    return this.view.getInt32(offset, true);
  }

  /** A sub-view of [offset, offset + size); throws when it does not fit. */
  slice(offset: number, size: number): ByteView {
    this.check(offset, size);
    return new ByteView(this.bytes.subarray(offset, offset + size));
  }

  /** `count` UTF-16LE code units from offset. */
  utf16(offset: number, count: number): string {
    this.check(offset, count * 2);
    let out = '';
    for (let i = 0; i < count; i++) out += String.fromCharCode(this.view.getUint16(offset + i * 2, true));
    return out;
  }
}

/** One (fc, lcb) pair of the FIB's FibRgFcLcb: where a structure lives in the table stream. */
export interface FcLcb {
  fc: number;
  lcb: number;
}

/** The FIB fields the numbering reader needs ([MS-DOC] 2.5.1). */
export interface Fib {
  /** Whether the table stream is "1Table" (fWhichTblStm). */
  whichTable: 1 | 0;
  ccpText: number;
  stshf: FcLcb;
  plcfBtePapx: FcLcb;
  clx: FcLcb;
  plfLst: FcLcb;
  plfLfo: FcLcb;
}

// Indexes of the pairs in FibRgFcLcb97, which every later FibRgFcLcb extends.
const FC_STSHF = 1;
const FC_PLCF_BTE_PAPX = 13;
const FC_CLX = 33;
const FC_PLF_LST = 73;
const FC_PLF_LFO = 74;

export function readFib(wordDocument: ByteView): Fib {
  if (wordDocument.u16(0) !== 0xa5ec)
    throw new ParseError('corrupt_container', 'The .doc FIB has no Word magic');
  const flags = wordDocument.u16(0x0a);
  // FibBase is 32 bytes; then csw + FibRgW97, cslw + FibRgLw97, cbRgFcLcb + FibRgFcLcb.
  const csw = wordDocument.u16(32);
  const rgLw = 34 + csw * 2;
  const cslw = wordDocument.u16(rgLw);
  const ccpText = wordDocument.i32(rgLw + 2 + 12);
  const rgFcLcbCount = wordDocument.u16(rgLw + 2 + cslw * 4);
  const rgFcLcb = rgLw + 2 + cslw * 4 + 2;
  const pair = (index: number): FcLcb => {
    if (index >= rgFcLcbCount) return { fc: 0, lcb: 0 };
    return { fc: wordDocument.u32(rgFcLcb + index * 8), lcb: wordDocument.u32(rgFcLcb + index * 8 + 4) };
  };
  return {
    whichTable: (flags & 0x0200) !== 0 ? 1 : 0,
    ccpText: Math.max(ccpText, 0),
    stshf: pair(FC_STSHF),
    plcfBtePapx: pair(FC_PLCF_BTE_PAPX),
    clx: pair(FC_CLX),
    plfLst: pair(FC_PLF_LST),
    plfLfo: pair(FC_PLF_LFO),
  };
}

/** One Prl of a grpprl: the sprm and where its operand lies. */
export interface Prl {
  sprm: number;
  operand: number;
  size: number;
}

// Paragraph sprms with a size of their own ([MS-DOC] 2.2.5.1, 2.6.2): spra 6 reads a length byte,
// except sprmTDefTable (2-byte length) and sprmPChgTabs (length 255 means a computed size).
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_P_CHG_TABS = 0xc615;

function operandSize(bytes: ByteView, sprm: number, at: number): { skip: number; size: number } {
  switch (sprm >>> 13) {
    case 0:
    case 1:
      return { skip: 0, size: 1 };
    case 2:
    case 4:
    case 5:
      return { skip: 0, size: 2 };
    case 3:
      return { skip: 0, size: 4 };
    case 7:
      return { skip: 0, size: 3 };
    default:
      break;
  }
  if (sprm === SPRM_T_DEF_TABLE) return { skip: 2, size: bytes.u16(at) - 1 };
  if (sprm === SPRM_P_CHG_TABS && bytes.u8(at) === 255) {
    // PChgTabsDel with cTabs deletions (4 bytes each: position and tolerance), then PChgTabsAdd.
    const deletions = bytes.u8(at + 1);
    const additions = bytes.u8(at + 2 + deletions * 4);
    return { skip: 1, size: 1 + deletions * 4 + 1 + additions * 3 };
  }
  return { skip: 1, size: bytes.u8(at) };
}

/** The Prls of a grpprl; a truncated last Prl ends the list rather than failing the paragraph. */
export function readPrls(bytes: ByteView): Prl[] {
  const prls: Prl[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    const sprm = bytes.u16(at);
    at += 2;
    if (at >= bytes.length) break;
    const { skip, size } = operandSize(bytes, sprm, at);
    const operand = at + skip;
    if (size < 0 || operand + size > bytes.length) break;
    prls.push({ sprm, operand, size });
    at = operand + size;
  }
  return prls;
}
