import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import { ByteView, readFib, readPrls } from './doc-binary.js';

function bytes(...values: number[]): ByteView {
  return new ByteView(Uint8Array.from(values));
}

describe('ByteView', () => {
  it('reads little-endian integers and UTF-16 text', () => {
    const view = bytes(0x34, 0x12, 0xfe, 0xff, 0xff, 0xff, 0x00, 0x4e, 0x8c, 0x4e);
    expect(view.u16(0)).toBe(0x1234);
    expect(view.i16(2)).toBe(-2);
    expect(view.i32(2)).toBe(-2);
    expect(view.u32(0)).toBe(0xfffe1234);
    expect(view.utf16(6, 2)).toBe('一二');
  });

  it('throws corrupt_container, not RangeError, for a read past the end or at a bad offset', () => {
    const view = bytes(1, 2, 3);
    for (const read of [
      () => view.u16(2),
      () => view.u32(0),
      () => view.u8(-1),
      () => view.slice(1, 5),
      () => view.u8(0.5),
    ]) {
      let caught: unknown;
      try {
        read();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ParseError);
      expect((caught as ParseError).code).toBe('corrupt_container');
    }
  });
});

describe('readPrls', () => {
  it('sizes operands by spra: 1, 2, 4 and 3 bytes, and a length byte for spra 6', () => {
    const grpprl = bytes(
      ...[0x0a, 0x26, 0x02], // sprmPIlvl, 1 byte
      ...[0x0b, 0x46, 0x03, 0x00], // sprmPIlfo, 2 bytes
      ...[0x0f, 0x84, 1, 2], // spra 4, 2 bytes
      ...[0x1b, 0x64, 1, 2, 3, 4], // spra 3, 4 bytes
      ...[0x00, 0xe6, 1, 2, 3], // spra 7, 3 bytes
      ...[0x28, 0xc6, 0x02, 9, 9], // spra 6, length 2
    );
    const prls = readPrls(grpprl);
    expect(prls.map((p) => [p.sprm, p.size])).toEqual([
      [0x260a, 1],
      [0x460b, 2],
      [0x840f, 2],
      [0x641b, 4],
      [0xe600, 3],
      [0xc628, 2],
    ]);
    expect(grpprl.u8(prls[0]?.operand ?? -1)).toBe(2);
    expect(grpprl.i16(prls[1]?.operand ?? -1)).toBe(3);
  });

  it('reads sprmTDefTable with its 2-byte length and skips to the next Prl', () => {
    const grpprl = bytes(0x08, 0xd6, 0x04, 0x00, 7, 7, 7, 0x0a, 0x26, 0x05);
    const prls = readPrls(grpprl);
    expect(prls.map((p) => p.sprm)).toEqual([0xd608, 0x260a]);
    expect(grpprl.u8(prls[1]?.operand ?? -1)).toBe(5);
  });

  it('computes sprmPChgTabs’s size when its length byte is 255', () => {
    // One deletion (2 + 2 bytes), two additions (2 × 2 + 2 × 1 bytes), then sprmPIlvl.
    const grpprl = bytes(0x15, 0xc6, 255, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0x0a, 0x26, 0x04);
    const prls = readPrls(grpprl);
    expect(prls.map((p) => p.sprm)).toEqual([0xc615, 0x260a]);
    expect(grpprl.u8(prls[1]?.operand ?? -1)).toBe(4);
  });

  it('stops at a truncated Prl instead of failing', () => {
    expect(readPrls(bytes(0x0a, 0x26, 0x01, 0x0b, 0x46, 0x03)).map((p) => p.sprm)).toEqual([0x260a]);
    expect(readPrls(bytes(0x28, 0xc6, 0x20, 1))).toEqual([]);
    expect(readPrls(bytes(0x0a))).toEqual([]);
  });
});

describe('readFib', () => {
  function fib(fcLcbPairs: number, flags: number): Uint8Array {
    const out = new Uint8Array(154 + fcLcbPairs * 8);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xa5ec, true);
    view.setUint16(0x0a, flags, true);
    view.setUint16(32, 14, true);
    view.setUint16(62, 22, true);
    view.setInt32(76, 1234, true);
    view.setUint16(152, fcLcbPairs, true);
    for (let i = 0; i < fcLcbPairs; i++) {
      view.setUint32(154 + i * 8, 1000 + i, true);
      view.setUint32(158 + i * 8, 10 + i, true);
    }
    return out;
  }

  it('finds ccpText, the table stream and the list, paragraph and piece tables', () => {
    const read = readFib(new ByteView(fib(93, 0x0200)));
    expect(read.whichTable).toBe(1);
    expect(read.ccpText).toBe(1234);
    expect(read.stshf).toEqual({ fc: 1001, lcb: 11 });
    expect(read.plcfBtePapx).toEqual({ fc: 1013, lcb: 23 });
    expect(read.clx).toEqual({ fc: 1033, lcb: 43 });
    expect(read.plfLst).toEqual({ fc: 1073, lcb: 83 });
    expect(read.plfLfo).toEqual({ fc: 1074, lcb: 84 });
  });

  it('reads tables past a short FibRgFcLcb as absent', () => {
    const read = readFib(new ByteView(fib(40, 0)));
    expect(read.whichTable).toBe(0);
    expect(read.clx.lcb).toBe(43);
    expect(read.plfLst).toEqual({ fc: 0, lcb: 0 });
  });

  it('rejects a stream without the Word magic', () => {
    const bad = fib(93, 0);
    bad[0] = 0;
    expect(() => readFib(new ByteView(bad))).toThrow(ParseError);
  });
});
