import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import { decodeText } from './decode-text.js';

const SAMPLE = '一、总体目标\n孕产妇系统管理率达到95%以上。';

function gb18030Bytes(): Uint8Array {
  // 一、总体目标 in GB18030 (GBK range), hand-encoded so the test does not depend on an encoder.
  return Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc4, 0xbf, 0xb1, 0xea]);
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM as utf-8', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: SAMPLE,
      encoding: 'utf-16be',
    });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decodeText(gb18030Bytes())).toEqual({ text: '一、总体目标', encoding: 'gb18030' });
  });

  it('prefers valid UTF-8 over a page that declares gbk', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE), 'gbk').encoding).toBe('utf-8');
  });

  it('rejects bytes with NULs or many control characters as unsupported_format', () => {
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(() => decodeText(binary)).toThrow(ParseError);
    expect(() => decodeText(Uint8Array.from([0x41, 0x00, 0x42]))).toThrow(
      expect.objectContaining({ code: 'unsupported_format' }),
    );
  });

  it('does not rewrite full-width characters', () => {
    const text = 'ＡＢＣ１２３，（一）';
    expect(decodeText(new TextEncoder().encode(text)).text).toBe(text);
  });
});
