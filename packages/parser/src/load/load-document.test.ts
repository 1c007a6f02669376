import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import type { Block, LoadedDocument } from './document.js';
import { loadDocument } from './load-document.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
const OPTIONS = { maxBytes: 20 * 1024 * 1024 };

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

function paragraphs(doc: LoadedDocument): string[] {
  return doc.blocks.flatMap((block: Block) => (block.kind === 'paragraph' ? [block.text] : []));
}

/** The reference text: prose lines before the table, and the table's rows as cell lists. */
function reference(): { prose: string[]; table: string[][] } {
  const lines = new TextDecoder()
    .decode(fixture('plan.utf8.txt'))
    .split('\n')
    .filter((line) => line !== '');
  const tableStart = lines.findIndex((line) => line.startsWith('序号\t'));
  return {
    prose: lines.slice(0, tableStart),
    table: lines.slice(tableStart).map((line) => line.split('\t')),
  };
}

async function rejection(bytes: Uint8Array, maxBytes = OPTIONS.maxBytes): Promise<unknown> {
  try {
    await loadDocument(bytes, { maxBytes });
  } catch (error) {
    return error;
  }
  return undefined;
}

async function expectCode(bytes: Uint8Array, code: string, maxBytes?: number): Promise<void> {
  const error = await rejection(bytes, maxBytes);
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).code).toBe(code);
}

describe('loadDocument on the format fixtures', () => {
  const { prose, table } = reference();

  it.each([
    ['plan.utf8.txt', 'utf-8'],
    ['plan.utf8-bom.txt', 'utf-8'],
    ['plan.utf16le.txt', 'utf-16le'],
    ['plan.gb18030.txt', 'gb18030'],
  ])('reads %s as text in %s, one paragraph per line', async (name, encoding) => {
    const doc = await loadDocument(fixture(name), OPTIONS);
    expect(doc.format).toBe('text');
    expect(doc.encoding).toBe(encoding);
    expect(paragraphs(doc).slice(0, prose.length)).toEqual(prose);
  });

  it('reads plan.docx with Word’s generated labels and the merged table', async () => {
    const doc = await loadDocument(fixture('plan.docx'), OPTIONS);
    expect(doc.format).toBe('docx');
    expect(paragraphs(doc)).toEqual(prose);
    expect(paragraphs(doc)).toContain('（三）加强公共卫生体系建设');
    const block = doc.blocks.find((b) => b.kind === 'table');
    expect(block?.kind).toBe('table');
    if (block?.kind !== 'table') return;
    expect(block.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual(
      table.map((row) => row.filter((_, i) => i === 0 || row.length > 1)),
    );
    expect(block.rows[1]?.cells[0]?.colSpan).toBe(6);
    expect(block.rows[3]?.cells[3]).toEqual({ text: '', colSpan: 1, continued: true });
    expect(doc.hints.title).toBe('青岚县2025年卫生健康重点工作任务及分工方案');
  });

  it('reads plan.html: the article and its table, none of the portal chrome, and the meta hints', async () => {
    const doc = await loadDocument(fixture('plan.html'), OPTIONS);
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    const texts = paragraphs(doc);
    const start = texts.indexOf(prose[0] ?? '');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(texts.slice(start, start + prose.length)).toEqual(prose);
    const all = JSON.stringify(doc.blocks);
    for (const chrome of ['首页', '热点新闻', '主办单位', 'ICP备', '分享到', '统计代码', '请输入关键词'])
      expect(all).not.toContain(chrome);
    const planTable = doc.blocks.find((b) => b.kind === 'table' && b.rows[0]?.cells[0]?.text === '序号');
    expect(planTable?.kind === 'table' ? planTable.rows[3]?.cells[3]?.continued : false).toBe(true);
    expect(doc.hints).toEqual({
      title: '青岚县2025年卫生健康重点工作任务及分工方案',
      publishedOn: '2025-02-20 10:15',
      issuer: '青岚县卫生健康局',
    });
  });

  it.each(['plan.pdf', 'plan.office.pdf'])(
    'reads %s into the same prose paragraphs, without headers or page numbers, and the table as a table',
    async (name) => {
      const doc = await loadDocument(fixture(name), OPTIONS);
      expect(doc.format).toBe('pdf');
      const texts = paragraphs(doc);
      expect(texts.slice(0, prose.length)).toEqual(prose);
      expect(texts.some((text) => text.includes('青岚县卫生健康局文件') || /^—\s*\d+\s*—$/.test(text))).toBe(
        false,
      );
      const tables = doc.blocks.filter((b) => b.kind === 'table');
      expect(tables).toHaveLength(1);
      const block = tables[0];
      if (block?.kind !== 'table') return;
      expect(block.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual(
        table.map((row) => row.filter((_, i) => i === 0 || row.length > 1)),
      );
      // Section rows span the table; the task rows' cells do not.
      expect(block.rows[1]?.cells[0]?.colSpan).toBe(6);
      expect(block.rows[2]?.cells.map((cell) => cell.colSpan)).toEqual([1, 1, 1, 1, 1, 1]);
      // The table sits after the prose, in reading order, and no cell text leaks into paragraphs.
      expect(doc.blocks.findIndex((b) => b === block)).toBeGreaterThan(prose.length - 1);
      expect(texts.some((text) => text.includes('医政股') && text.includes('2025年12月底前'))).toBe(false);
    },
  );

  it('reads the vertical merge LibreOffice draws (no rule under 医政股) as a continued cell', async () => {
    const doc = await loadDocument(fixture('plan.office.pdf'), OPTIONS);
    const block = doc.blocks.find((b) => b.kind === 'table');
    expect(block?.kind === 'table' ? block.rows[3]?.cells[3] : null).toEqual({
      text: '',
      colSpan: 1,
      continued: true,
    });
  });

  it('reads plan.doc: the same paragraphs with Word’s generated labels rebuilt, and the table', async () => {
    const doc = await loadDocument(fixture('plan.doc'), OPTIONS);
    expect(doc.format).toBe('doc');
    expect(paragraphs(doc)).toEqual(prose);
    const block = doc.blocks.find((b) => b.kind === 'table');
    expect(
      block?.kind === 'table' ? block.rows.map((row) => row.cells.map((cell) => cell.text)) : null,
    ).toEqual(table.map((row) => row.filter((_, i) => i === 0 || row.length > 1)));
  });
});

describe('loadDocument rejections', () => {
  it('rejects input over maxBytes with too_large before looking at it', async () => {
    await expectCode(fixture('plan.docx'), 'too_large', 1000);
    await expectCode(new Uint8Array(11), 'too_large', 10);
  });

  it('rejects empty input and whitespace as empty_document', async () => {
    await expectCode(new Uint8Array(0), 'empty_document');
    await expectCode(new TextEncoder().encode(' \n\u3000\n\t'), 'empty_document');
  });

  it('rejects a zip bomb by its declared sizes before inflating it', async () => {
    // Highly compressible: 64 MB of zeros deflates to ~64 KB (ratio ~1000).
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    await expectCode(bomb, 'unsafe_container');
  });

  it('rejects a zip whose directory claims a huge size for a tiny entry', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') }, { level: 0 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Patch the central directory's uncompressed size (offset 24 in its header) to 3 GB.
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 3_000_000_000, true);
        break;
      }
    }
    await expectCode(zip, 'unsafe_container');
  });

  it('rejects a zip with too many entries', async () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8('<w:document/>') };
    for (let i = 0; i < 10_050; i++) files[`f${i}`] = new Uint8Array(0);
    await expectCode(zipSync(files, { level: 0 }), 'unsafe_container');
  });

  it('rejects a zip that is not a Word document as unsupported_format', async () => {
    await expectCode(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'unsupported_format');
  });

  it('rejects truncated and corrupted .docx as corrupt_container', async () => {
    const docx = fixture('plan.docx');
    await expectCode(docx.slice(0, Math.floor(docx.length / 2)), 'corrupt_container');
    const garbled = docx.slice();
    for (let i = 40; i < garbled.length - 200; i += 97) garbled[i] = (garbled[i] ?? 0) ^ 0x5a;
    await expectCode(garbled, 'corrupt_container');
  });

  it('rejects truncated and corrupted PDFs as corrupt_container', async () => {
    const pdf = fixture('plan.pdf');
    await expectCode(pdf.slice(0, 600), 'corrupt_container');
    await expectCode(
      new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage endobj\n%%EOF'),
      'corrupt_container',
    );
  });

  it('rejects a broken OLE file as corrupt_container', async () => {
    await expectCode(fixture('plan.doc').slice(0, 1500), 'corrupt_container');
  });

  it('reports an OLE file holding an EncryptedPackage as encrypted_document', async () => {
    const ole = fixture('plan.doc').slice();
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 4000);
    await expectCode(ole, 'encrypted_document');
  });

  it('rejects random bytes only with ParseError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (bytes) => {
        const error = await rejection(bytes);
        if (error !== undefined) expect(error).toBeInstanceOf(ParseError);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects random binary (with NULs and controls) as unsupported_format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 64, maxLength: 2048 }), async (bytes) => {
        bytes[0] = 0x00;
        bytes[1] = 0x01;
        const error = await rejection(bytes);
        expect(error).toBeInstanceOf(ParseError);
        expect((error as ParseError).code).toBe('unsupported_format');
      }),
      { numRuns: 60 },
    );
  });

  it.each(['plan.docx', 'plan.pdf', 'plan.office.pdf', 'plan.doc', 'plan.html', 'plan.gb18030.txt'])(
    'never throws anything but ParseError on mutated %s',
    async (name) => {
      const original = fixture(name);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), {
            minLength: 1,
            maxLength: 20,
          }),
          fc.option(fc.nat({ max: original.length }), { nil: undefined }),
          async (edits, cut) => {
            const bytes = original.slice(0, cut ?? original.length);
            for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
            const error = await rejection(bytes);
            if (error !== undefined) expect(error).toBeInstanceOf(ParseError);
          },
        ),
        { numRuns: name.endsWith('.pdf') ? 25 : 40 },
      );
    },
    30_000,
  );
});
