import { ParseError } from '../errors.js';
import type { FcLcb } from './doc-binary.js';
import { ByteView, readPrls } from './doc-binary.js';

/** A run of CPs stored contiguously in the WordDocument stream ([MS-DOC] 2.9.177 Pcd). */
export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of cpStart in the WordDocument stream. */
  fc: number;
  /** 1 for 8-bit (fCompressed) text, 2 for UTF-16. */
  bytesPerChar: 1 | 2;
  /** The piece's Prm grpprl (Prm1, from the CLX's Prcs), applied after the paragraph's own. */
  grpprl: ByteView | undefined;
}

const MAX_PIECES = 1 << 20;

/** Reads the CLX ([MS-DOC] 2.9.38): Prcs (property grpprls) then the Pcdt's piece table. */
export function readPieces(table: ByteView, clx: FcLcb): Piece[] {
  const end = clx.fc + clx.lcb;
  if (clx.lcb === 0 || end > table.length)
    throw new ParseError('corrupt_container', 'The .doc has no piece table');
  const prcs: ByteView[] = [];
  let at = clx.fc;
  while (at < end && table.u8(at) === 0x01) {
    const cb = table.i16(at + 1);
    if (cb < 0) throw new ParseError('corrupt_container', 'The .doc piece table has a bad Prc');
    prcs.push(table.slice(at + 3, cb));
    at += 3 + cb;
  }
  if (at >= end || table.u8(at) !== 0x02)
    throw new ParseError('corrupt_container', 'The .doc piece table is missing');
  const lcb = table.u32(at + 1);
  const plc = at + 5;
  const count = (lcb - 4) / 12;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PIECES || plc + lcb > table.length) {
    throw new ParseError('corrupt_container', 'The .doc piece table has a bad size');
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const cpStart = table.u32(plc + i * 4);
    const cpEnd = table.u32(plc + (i + 1) * 4);
    const pcd = plc + (count + 1) * 4 + i * 8;
    const fcCompressed = table.u32(pcd + 2);
    const prm = table.u16(pcd + 6);
    const compressed = (fcCompressed & 0x40000000) !== 0;
    const raw = fcCompressed & 0x3fffffff;
    if (cpEnd < cpStart) throw new ParseError('corrupt_container', 'The .doc piece table runs backwards');
    pieces.push({
      cpStart,
      cpEnd,
      fc: compressed ? raw / 2 : raw,
      bytesPerChar: compressed ? 1 : 2,
      grpprl: (prm & 1) === 1 ? prcs[prm >>> 1] : undefined,
    });
  }
  return pieces;
}

/** A paragraph's own properties in a PAPX FKP: its style and its grpprl. */
interface PapxRun {
  fcStart: number;
  fcEnd: number;
  istd: number;
  grpprl: ByteView | undefined;
}

const MAX_FKPS = 1 << 16;

/** Every PAPX FKP run ([MS-DOC] 2.9.175) listed by PlcBtePapx, sorted by FC. */
export function readPapxRuns(wordDocument: ByteView, table: ByteView, plcfBtePapx: FcLcb): PapxRun[] {
  const count = (plcfBtePapx.lcb - 4) / 8;
  if (plcfBtePapx.lcb === 0) return [];
  if (!Number.isInteger(count) || count < 1 || count > MAX_FKPS) {
    throw new ParseError('corrupt_container', 'The .doc paragraph table has a bad size');
  }
  const plc = table.slice(plcfBtePapx.fc, plcfBtePapx.lcb);
  const runs: PapxRun[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const pn = plc.u32((count + 1) * 4 + i * 4) & 0x3fffff;
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = wordDocument.slice(pn * 512, 512);
    const crun = page.u8(511);
    if (crun * 17 + 4 > 511)
      throw new ParseError('corrupt_container', 'The .doc paragraph page has a bad count');
    for (let j = 0; j < crun; j++) {
      const bOffset = page.u8((crun + 1) * 4 + j * 13) * 2;
      let istd = 0;
      let grpprl: ByteView | undefined;
      if (bOffset !== 0) {
        // PapxInFkp: cb words (less one byte), or 0 then a byte count of words.
        const cb = page.u8(bOffset);
        const size = cb !== 0 ? cb * 2 - 1 : page.u8(bOffset + 1) * 2;
        const data = page.slice(cb !== 0 ? bOffset + 1 : bOffset + 2, size);
        if (size >= 2) {
          istd = data.u16(0);
          grpprl = data.slice(2, size - 2);
        }
      }
      runs.push({ fcStart: page.u32(j * 4), fcEnd: page.u32((j + 1) * 4), istd, grpprl });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** The list properties of a paragraph, its style's or its own: ilfo 0 is "not in a list". */
export interface ListProps {
  ilfo?: number;
  ilvl?: number;
}

const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;

/** Applies sprmPIlvl/sprmPIlfo found in a grpprl over `props`. */
export function applyListSprms(grpprl: ByteView | undefined, props: ListProps): ListProps {
  if (!grpprl) return props;
  const out = { ...props };
  for (const prl of readPrls(grpprl)) {
    if (prl.sprm === SPRM_P_ILVL) out.ilvl = grpprl.u8(prl.operand);
    else if (prl.sprm === SPRM_P_ILFO) out.ilfo = grpprl.i16(prl.operand);
  }
  return out;
}

interface StyleEntry {
  istdBase: number;
  grpprl: ByteView | undefined;
}

const ISTD_NIL = 0x0fff;
const MAX_STYLES = 4096;

/**
 * The paragraph styles of the STSH ([MS-DOC] 2.9.271): each one's base style and the grpprl of its
 * paragraph UPX, enough to resolve the list a style puts its paragraphs in.
 */
export function readStyles(table: ByteView, stshf: FcLcb): Map<number, StyleEntry> {
  const styles = new Map<number, StyleEntry>();
  if (stshf.lcb < 4) return styles;
  const stsh = table.slice(stshf.fc, stshf.lcb);
  const cbStshi = stsh.u16(0);
  const cstd = Math.min(stsh.u16(2), MAX_STYLES);
  const cbStdBase = stsh.u16(4);
  let at = 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= stsh.length; istd++) {
    const cbStd = stsh.u16(at);
    const std = at + 2;
    at = std + cbStd;
    if (cbStd === 0 || at > stsh.length) continue;
    const stk = stsh.u16(std + 2) & 0x000f;
    const istdBase = stsh.u16(std + 2) >>> 4;
    if (stk !== 1) continue;
    // Name (Xstz: count, chars, terminator), then the LPUpxPapx, which begins on an even offset.
    const name = std + cbStdBase;
    let upx = name + 2 + stsh.u16(name) * 2 + 2;
    if ((upx - std) % 2 === 1) upx++;
    let grpprl: ByteView | undefined;
    if (upx + 2 <= at) {
      const cbUpx = stsh.u16(upx);
      if (cbUpx >= 2 && upx + 2 + cbUpx <= at) grpprl = stsh.slice(upx + 4, cbUpx - 2);
    }
    styles.set(istd, { istdBase, grpprl });
  }
  return styles;
}

/** A style's list properties, its base styles' first (cycles and long chains stop). */
export function styleListProps(styles: Map<number, StyleEntry>, istd: number): ListProps {
  const chain: StyleEntry[] = [];
  const visited = new Set<number>();
  for (let current = istd; current !== ISTD_NIL && !visited.has(current) && chain.length < 16;) {
    visited.add(current);
    const style = styles.get(current);
    if (!style) break;
    chain.push(style);
    current = style.istdBase;
  }
  let props: ListProps = {};
  for (let i = chain.length - 1; i >= 0; i--) props = applyListSprms(chain[i]?.grpprl, props);
  return props;
}

/** A paragraph of the main text: [cpStart, cpEnd) with the mark as its last character. */
export interface DocParagraph {
  cpStart: number;
  cpEnd: number;
  ilfo: number;
  ilvl: number;
}

// CR and the cell mark end paragraphs; a section mark (0x0C) does where its PAPX run ends.
const PARAGRAPH_MARKS = new Set([0x0d, 0x07]);
const SECTION_MARK = 0x0c;

function findRun(runs: readonly PapxRun[], fc: number): PapxRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const run = runs[mid];
    if (!run) break;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/**
 * The main text's paragraphs with their list properties. A paragraph ends at a paragraph mark (CR,
 * the cell mark 0x07, or a section mark); its properties are those of the PAPX run holding the mark's FC, over
 * its style's, with the piece's Prm last.
 */
export function readParagraphs(
  wordDocument: ByteView,
  pieces: readonly Piece[],
  runs: readonly PapxRun[],
  styles: Map<number, StyleEntry>,
  ccpText: number,
): DocParagraph[] {
  // Every CP of the main text takes at least a byte of the stream; this also bounds the loop below.
  if (ccpText > wordDocument.length)
    throw new ParseError('corrupt_container', 'The .doc main text is longer than its stream');
  const paragraphs: DocParagraph[] = [];
  const styleCache = new Map<number, ListProps>();
  let cpStart = 0;
  for (const piece of pieces) {
    const end = Math.min(piece.cpEnd, ccpText);
    for (let cp = piece.cpStart; cp < end; cp++) {
      const fc = piece.fc + (cp - piece.cpStart) * piece.bytesPerChar;
      const code = piece.bytesPerChar === 2 ? wordDocument.u16(fc) : wordDocument.u8(fc);
      if (!PARAGRAPH_MARKS.has(code) && code !== SECTION_MARK) continue;
      const run = findRun(runs, fc);
      if (code === SECTION_MARK && run?.fcEnd !== fc + piece.bytesPerChar) continue;
      const istd = run?.istd ?? 0;
      let fromStyle = styleCache.get(istd);
      if (!fromStyle) {
        fromStyle = styleListProps(styles, istd);
        styleCache.set(istd, fromStyle);
      }
      const props = applyListSprms(piece.grpprl, applyListSprms(run?.grpprl, fromStyle));
      paragraphs.push({ cpStart, cpEnd: cp + 1, ilfo: props.ilfo ?? 0, ilvl: props.ilvl ?? 0 });
      cpStart = cp + 1;
    }
    if (piece.cpEnd >= ccpText) break;
  }
  return paragraphs;
}
