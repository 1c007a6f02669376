import { Deflate, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ParseError } from './errors.js';
import { parsePlan } from './parse-plan.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

function para(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

interface RawEntry {
  name: string;
  /** Deflated (method 8) bytes as they go into the file. */
  data: Uint8Array;
  /** The uncompressed size the headers declare (may lie, as a crafted file's do). */
  declaredSize: number;
}

/** A zip written by hand, so a test can make its headers say what a crafted file would say. */
function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const header = new Uint8Array(46 + name.length);
    const cv = new DataView(header.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.declaredSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    header.set(name, 46);
    parts.push(local, entry.data);
    central.push(header);
    offset += local.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, h) => sum + h.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Deflates `head` then `repeat` copies of `chunk` without ever holding the inflated whole. */
function deflateRepeated(head: Uint8Array, chunk: Uint8Array, repeat: number): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (data) => out.push(data));
  deflate.push(head);
  for (let i = 0; i < repeat; i++) deflate.push(chunk, i === repeat - 1);
  const bytes = new Uint8Array(out.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of out) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

async function rejection(promise: Promise<unknown>): Promise<ParseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

const numbered = (count: number): string =>
  Array.from({ length: count }, (_, i) => para(`${String(i + 1)}.推进第${String(i + 1)}项重点工作`)).join('');

describe('parse limits', () => {
  it('stops a zip bomb that under-declares its size at the inflated-bytes limit, naming it in Chinese', async () => {
    // 80 MiB of paragraphs deflate to about 1 MiB; the directory claims 4 KiB, so its checks pass.
    const head = strToU8(documentXml('').replace('<w:sectPr/></w:body></w:document>', ''));
    const filler = strToU8(para('一'.repeat(1000)).repeat(300));
    const data = deflateRepeated(head, filler, Math.ceil((80 * 1024 * 1024) / filler.length));
    expect(data.length).toBeLessThan(4 * 1024 * 1024);
    const bomb = rawZip([{ name: 'word/document.xml', data, declaredSize: 4096 }]);
    const error = await rejection(parsePlan(bomb, { limits: { maxInflatedBytes: 8 * 1024 * 1024 } }));
    expect(error.code).toBe('limit_exceeded');
    expect(error.limit).toEqual({ name: 'inflated_bytes', value: 8 * 1024 * 1024 });
    expect(error.message).toContain('解压后的内容超过上限 8 MB');
  });

  it('inflates up to exactly the limit and refuses one byte less', async () => {
    const xml = strToU8(documentXml(para('一、总体要求') + para('1.推进医共体建设')));
    const docx = zipSync({ 'word/document.xml': xml });
    await expect(parsePlan(docx, { limits: { maxInflatedBytes: xml.length } })).resolves.toMatchObject({
      input: { format: 'docx' },
    });
    const error = await rejection(parsePlan(docx, { limits: { maxInflatedBytes: xml.length - 1 } }));
    expect(error.limit).toEqual({ name: 'inflated_bytes', value: xml.length - 1 });
  });

  it('refuses a .docx with huge numbered content at the item limit, before building the items', async () => {
    const docx = zipSync({ 'word/document.xml': strToU8(documentXml(numbered(3000))) });
    const error = await rejection(parsePlan(docx, { limits: { maxItems: 500 } }));
    expect(error.code).toBe('limit_exceeded');
    expect(error.limit).toEqual({ name: 'items', value: 500 });
    expect(error.message).toContain('计划条目超过上限 500 条');
    const fits = await parsePlan(zipSync({ 'word/document.xml': strToU8(documentXml(numbered(500))) }), {
      limits: { maxItems: 500 },
    });
    expect(fits.items).toHaveLength(500);
  });

  it('refuses text over the character limit in every format, naming the limit', async () => {
    const text = `一、总体要求\n${'推进工作'.repeat(500)}`;
    const error = await rejection(parsePlan(strToU8(text), { limits: { maxCharacters: 1000 } }));
    expect(error.limit).toEqual({ name: 'characters', value: 1000 });
    expect(error.message).toContain('文档文字超过上限 1000 字');
    const docx = zipSync({ 'word/document.xml': strToU8(documentXml(para(text))) });
    await expect(parsePlan(docx, { limits: { maxCharacters: 1000 } })).rejects.toMatchObject({
      code: 'limit_exceeded',
    });
    await expect(parsePlan(strToU8(text), { limits: { maxCharacters: text.length } })).resolves.toBeTruthy();
  });

  it('rejects a limit that is not a positive integer with invalid_options', async () => {
    await expect(parsePlan(strToU8('一、甲'), { limits: { maxItems: 0 } })).rejects.toMatchObject({
      code: 'invalid_options',
    });
  });
});
