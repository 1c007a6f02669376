import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import { ByteView } from './doc-binary.js';
import { readPapxRuns, readParagraphs, readPieces, readStyles, styleListProps } from './doc-paragraphs.js';

const le16 = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff];
const le32 = (value: number): number[] => [...le16(value & 0xffff), ...le16(value >>> 16)];
const ILFO = (ilfo: number): number[] => [0x0b, 0x46, ...le16(ilfo)];
const ILVL = (ilvl: number): number[] => [0x0a, 0x26, ilvl];

/** A CLX: optional Prcs, then a piece table of [cpStart, cpEnd, fcCompressed, prm] pieces. */
function clx(pieces: [number, number, number, number][], prcs: number[][] = []): number[] {
  const out: number[] = [];
  for (const grpprl of prcs) out.push(0x01, ...le16(grpprl.length), ...grpprl);
  const cps = [...pieces.map((p) => p[0]), pieces[pieces.length - 1]?.[1] ?? 0];
  const plc = [...cps.flatMap(le32), ...pieces.flatMap((p) => [0, 0, ...le32(p[2]), ...le16(p[3])])];
  out.push(0x02, ...le32(plc.length), ...plc);
  return out;
}

/** A 512-byte PAPX FKP: runs of [fcEnd, istd, grpprl] from fcStart; istd -1 means no PAPX. */
function fkp(fcStart: number, runs: [number, number, number[]][]): Uint8Array {
  const page = new Uint8Array(512);
  const view = new DataView(page.buffer);
  view.setUint32(0, fcStart, true);
  let papxAt = 480;
  runs.forEach(([fcEnd, istd, grpprl], j) => {
    view.setUint32((j + 1) * 4, fcEnd, true);
    if (istd < 0) return;
    const data = [...le16(istd), ...grpprl];
    if (data.length % 2 === 0) data.push(0); // cb form: 2 × cb − 1 bytes
    papxAt -= data.length + 1;
    papxAt -= papxAt % 2;
    page[papxAt] = (data.length + 1) / 2;
    page.set(data, papxAt + 1);
    page[(runs.length + 1) * 4 + j * 13] = papxAt / 2;
  });
  page[511] = runs.length;
  return page;
}

/** An STSH with cbSTDBaseInFile 10: each style as [stk, istdBase, paragraph grpprl] or null. */
function stsh(styles: ([number, number, number[]] | null)[]): number[] {
  const out = [...le16(4), ...le16(styles.length), ...le16(10)];
  for (const style of styles) {
    if (!style) {
      out.push(...le16(0));
      continue;
    }
    const [stk, istdBase, grpprl] = style;
    const std = [0, 0, ...le16(stk | (istdBase << 4)), 0, 0, 0, 0, 0, 0, ...le16(1), 0x48, 0, 0, 0];
    const upx = [...le16(0), ...grpprl];
    std.push(...le16(upx.length), ...upx);
    if (upx.length % 2 === 1) std.push(0);
    std.push(...le16(0)); // an empty character UPX
    out.push(...le16(std.length), ...std);
  }
  return out;
}

/**
 * A WordDocument stream with "标题\r正文\r" as UTF-16 at 2048 and "ab\r" as 8-bit text at 2060,
 * and one PAPX FKP at page 1 for the three paragraphs.
 */
function wordDocument(runs: [number, number, number[]][]): ByteView {
  const bytes = new Uint8Array(4096);
  bytes.set(fkp(2048, runs), 512);
  const text = Buffer.from('标题\r正文\r', 'utf16le');
  bytes.set(text, 2048);
  bytes.set([0x61, 0x62, 0x0d], 2060);
  return new ByteView(bytes);
}

const PIECES: [number, number, number, number][] = [
  [0, 6, 2048, 0],
  [6, 9, (2060 * 2) | 0x40000000, 0],
];

function table(parts: { clx: number[]; stsh?: number[] }): {
  table: ByteView;
  fib: Record<string, { fc: number; lcb: number }>;
} {
  const bte = [...le32(2048), ...le32(2063), ...le32(1)];
  const stshBytes = parts.stsh ?? [];
  const bytes = [...parts.clx, ...bte, ...stshBytes];
  return {
    table: new ByteView(Uint8Array.from(bytes)),
    fib: {
      clx: { fc: 0, lcb: parts.clx.length },
      bte: { fc: parts.clx.length, lcb: bte.length },
      stsh: { fc: parts.clx.length + bte.length, lcb: stshBytes.length },
    },
  };
}

function paragraphsOf(
  runs: [number, number, number[]][],
  parts: { clx: number[]; stsh?: number[] },
  ccpText = 9,
): { cpStart: number; cpEnd: number; ilfo: number; ilvl: number }[] {
  const doc = wordDocument(runs);
  const { table: tbl, fib } = table(parts);
  const pieces = readPieces(tbl, fib.clx ?? { fc: 0, lcb: 0 });
  const papx = readPapxRuns(doc, tbl, fib.bte ?? { fc: 0, lcb: 0 });
  const styles = readStyles(tbl, fib.stsh ?? { fc: 0, lcb: 0 });
  return readParagraphs(doc, pieces, papx, styles, ccpText);
}

describe('readPieces', () => {
  it('reads UTF-16 and 8-bit pieces and a piece’s Prm grpprl', () => {
    const { table: tbl, fib } = table({
      clx: clx(
        [
          [0, 6, 2048, 0],
          [6, 9, (2060 * 2) | 0x40000000, 1],
        ],
        [ILFO(2)],
      ),
    });
    const pieces = readPieces(tbl, fib.clx ?? { fc: 0, lcb: 0 });
    expect(pieces.map((p) => [p.cpStart, p.cpEnd, p.fc, p.bytesPerChar])).toEqual([
      [0, 6, 2048, 2],
      [6, 9, 2060, 1],
    ]);
    expect(pieces[0]?.grpprl).toBeUndefined();
    expect(pieces[1]?.grpprl?.length).toBe(4);
  });

  it('rejects a CLX without a piece table or with a size that is not whole pieces', () => {
    expect(() => readPieces(new ByteView(Uint8Array.from([0x01, 0, 0, 0x05])), { fc: 0, lcb: 4 })).toThrow(
      ParseError,
    );
    const bad = clx(PIECES);
    bad[1] = (bad[1] ?? 0) + 1;
    expect(() => readPieces(new ByteView(Uint8Array.from(bad)), { fc: 0, lcb: bad.length })).toThrow(
      ParseError,
    );
  });
});

describe('readParagraphs', () => {
  it('gives each paragraph its direct ilfo/ilvl, or its style’s, across UTF-16 and 8-bit pieces', () => {
    const paragraphs = paragraphsOf(
      [
        [2054, 1, []],
        [2060, -1, []],
        [2063, 0, [...ILVL(2), ...ILFO(1)]],
      ],
      {
        clx: clx(PIECES),
        stsh: stsh([
          [1, 0xfff, []],
          [1, 0xfff, ILFO(1)],
        ]),
      },
    );
    expect(paragraphs).toEqual([
      { cpStart: 0, cpEnd: 3, ilfo: 1, ilvl: 0 },
      { cpStart: 3, cpEnd: 6, ilfo: 0, ilvl: 0 },
      { cpStart: 6, cpEnd: 9, ilfo: 1, ilvl: 2 },
    ]);
  });

  it('lets direct formatting take a paragraph out of its style’s list (ilfo 0)', () => {
    const paragraphs = paragraphsOf(
      [
        [2054, 1, ILFO(0)],
        [2060, 1, []],
        [2063, 1, ILVL(1)],
      ],
      { clx: clx(PIECES), stsh: stsh([null, [1, 0xfff, ILFO(3)]]) },
    );
    expect(paragraphs.map((p) => [p.ilfo, p.ilvl])).toEqual([
      [0, 0],
      [3, 0],
      [3, 1],
    ]);
  });

  it('applies the piece’s Prm after the paragraph’s own properties', () => {
    const paragraphs = paragraphsOf(
      [
        [2054, 0, ILFO(1)],
        [2060, 0, ILFO(1)],
        [2063, 0, ILFO(1)],
      ],
      {
        clx: clx(
          [
            [0, 6, 2048, 0],
            [6, 9, (2060 * 2) | 0x40000000, 1],
          ],
          [ILFO(2)],
        ),
      },
    );
    expect(paragraphs.map((p) => p.ilfo)).toEqual([1, 1, 2]);
  });

  it('stops at ccpText', () => {
    const paragraphs = paragraphsOf(
      [
        [2054, 0, []],
        [2060, 0, []],
        [2063, 0, []],
      ],
      { clx: clx(PIECES) },
      6,
    );
    expect(paragraphs.map((p) => p.cpEnd)).toEqual([3, 6]);
  });
});

describe('readStyles and styleListProps', () => {
  it('inherits the list from the base style and the level from the derived one', () => {
    const bytes = stsh([
      [1, 0xfff, []],
      [1, 0, ILFO(4)],
      [1, 1, ILVL(1)],
      [2, 0, ILFO(9)],
    ]);
    const styles = readStyles(new ByteView(Uint8Array.from(bytes)), { fc: 0, lcb: bytes.length });
    expect(styleListProps(styles, 2)).toEqual({ ilfo: 4, ilvl: 1 });
    expect(styleListProps(styles, 0)).toEqual({});
    // A character style (stk 2) carries no paragraph list.
    expect(styles.has(3)).toBe(false);
  });

  it('stops on a style that is its own base', () => {
    const bytes = stsh([[1, 0, ILFO(2)]]);
    const styles = readStyles(new ByteView(Uint8Array.from(bytes)), { fc: 0, lcb: bytes.length });
    expect(styleListProps(styles, 0)).toEqual({ ilfo: 2 });
  });
});
