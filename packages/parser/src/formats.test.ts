import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan.js';
import type { Item } from './plan.js';

// The same original plan written out in every container (scripts/make-format-fixtures.ts).
const read = async (name: string) => {
  const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));
  return parsePlan(bytes, { fileName: name });
};

const project = (items: readonly Item[]): unknown[] =>
  items.map((i) => ({
    number: i.number,
    title: i.title,
    lead: i.lead,
    support: i.support,
    units: i.units,
    targets: i.targets.map((t) => [t.op, t.value, t.unit]),
    children: project(i.children),
  }));

describe('one plan in every format', () => {
  it.each([
    'plan.utf8-bom.txt',
    'plan.utf16le.txt',
    'plan.gb18030.txt',
    'plan.html',
    'plan.docx',
    'plan.doc',
  ])('%s gives the same items, units and targets as the UTF-8 text', async (name) => {
    const [expected, actual] = await Promise.all([read('plan.utf8.txt'), read(name)]);
    expect(project(actual.items)).toEqual(project(expected.items));
    expect(actual.meta.title).toBe(expected.meta.title);
    expect(actual.meta.docNumber).toBe(expected.meta.docNumber);
  });

  it('reports each container and encoding it detected', async () => {
    const detected = await Promise.all(
      [
        'plan.utf8.txt',
        'plan.utf16le.txt',
        'plan.gb18030.txt',
        'plan.html',
        'plan.docx',
        'plan.pdf',
        'plan.doc',
      ].map(async (name) => (await read(name)).input),
    );
    expect(detected.map((i) => [i.format, i.encoding])).toEqual([
      ['text', 'utf-8'],
      ['text', 'utf-16le'],
      ['text', 'gb18030'],
      ['html', 'utf-8'],
      ['docx', null],
      ['pdf', null],
      ['doc', null],
    ]);
  });
});
