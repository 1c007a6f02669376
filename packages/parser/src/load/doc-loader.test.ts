import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse-plan.js';
import type { Item } from '../plan.js';
import { loadDoc } from './doc-loader.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(FIXTURES + name));

const project = (items: readonly Item[]): unknown[] =>
  items.map((item) => ({
    number: item.number,
    title: item.title,
    lead: item.lead,
    support: item.support,
    targets: item.targets.map((t) => [t.op, t.value, t.unit]),
    children: project(item.children),
  }));

function paragraphs(blocks: Awaited<ReturnType<typeof loadDoc>>['blocks']): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

/** Where in the .doc file a run of the table stream's bytes sits (the stream is stored in sectors). */
function offsetOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle));
}

describe('loadDoc with Word’s list numbering', () => {
  it('gives plan.doc the same item tree as plan.docx: numbers, titles, units and targets', async () => {
    const [doc, docx] = await Promise.all(
      ['plan.doc', 'plan.docx'].map((name) => parsePlan(fixture(name), { fileName: name })),
    );
    expect(doc?.items.length).toBeGreaterThan(1);
    expect(project(doc?.items ?? [])).toEqual(project(docx?.items ?? []));
  });

  it('puts the labels in front of their paragraphs and leaves the rest of the text as it was', async () => {
    const texts = paragraphs((await loadDoc(fixture('plan.doc'))).blocks);
    expect(texts).toContain('一、总体目标');
    expect(texts).toContain('二、重点任务');
    expect(texts).toContain('（三）加强公共卫生体系建设');
    expect(texts.filter((text) => /^[123]\.推进紧密型县域医共体建设/.test(text))).toEqual([
      expect.stringMatching(/^1\./) as unknown as string,
    ]);
    expect(texts.some((text) => text.startsWith('各乡镇卫生院'))).toBe(true);
  });

  it('keeps the text without labels when the list tables are unreadable', async () => {
    const bytes = fixture('plan.doc');
    // The LVL texts "%1、" are stored as the placeholder 0x0000 then 、 in UTF-16; break every one.
    const marker = Uint8Array.from([0x02, 0x00, 0x00, 0x00, 0x01, 0x30]);
    let broken = 0;
    for (let at = offsetOf(bytes, marker); at >= 0 && broken < 50; at = offsetOf(bytes, marker)) {
      bytes.set([0xff, 0xff], at);
      broken++;
    }
    expect(broken).toBeGreaterThan(0);
    const texts = paragraphs((await loadDoc(bytes)).blocks);
    expect(texts).toContain('总体目标');
    expect(texts).toContain('重点任务');
  });
});
