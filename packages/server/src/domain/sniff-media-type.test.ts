import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniff-media-type.js';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it('recognises PDF, PNG and JPEG by their signatures', () => {
    expect(sniffMediaType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('tells a .docx from an .xlsx by the entries inside the zip, and refuses any other zip', () => {
    expect(sniffMediaType(bytes('PK\u0003\u0004', '....word/document.xml....'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMediaType(bytes('PK\u0003\u0004', '....xl/workbook.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffMediaType(bytes('PK\u0003\u0004', 'payload.exe'))).toBeNull();
  });

  it('refuses an executable or script whatever it is called', () => {
    expect(sniffMediaType(bytes('MZ\u0090\u0000'))).toBeNull();
    expect(sniffMediaType(bytes('<script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });
});
