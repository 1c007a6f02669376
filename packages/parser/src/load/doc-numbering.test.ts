import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import { ByteView, readFib } from './doc-binary.js';
import { readListOverrides, readLists } from './doc-lists.js';
import { loadDoc } from './doc-loader.js';
import { docListLabels, insertLabels } from './doc-numbering.js';
import { readPapxRuns, readParagraphs, readPieces, readStyles } from './doc-paragraphs.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/formats/plan.doc', import.meta.url));
const fixtureBytes = new Uint8Array(readFileSync(FIXTURE));

interface OleStream {
  on(event: string, listener: (arg: Buffer) => void): void;
}
interface OleDoc {
  read(): Promise<unknown>;
  stream(name: string): OleStream;
}

/** The WordDocument and table streams of plan.doc, through word-extractor's OLE reader. */
async function fixtureStreams(): Promise<{ wordDocument: Uint8Array; table: Uint8Array }> {
  const require = createRequire(import.meta.url);
  const Ole = require('word-extractor/lib/ole-compound-doc.js') as new (reader: unknown) => OleDoc;
  const Reader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => {
    open(): Promise<void>;
  };
  const reader = new Reader(Buffer.from(fixtureBytes));
  await reader.open();
  const doc = new Ole(reader);
  await doc.read();
  const read = (name: string): Promise<Uint8Array> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const stream = doc.stream(name);
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        resolve(new Uint8Array(Buffer.concat(chunks)));
      });
    });
  const wordDocument = await read('WordDocument');
  const which = (new ByteView(wordDocument).u16(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table';
  return { wordDocument, table: await read(which) };
}

const streams = await fixtureStreams();

describe('plan.doc’s list tables', () => {
  const wordDocument = new ByteView(streams.wordDocument);
  const table = new ByteView(streams.table);
  const fib = readFib(wordDocument);

  it('holds the outline list: 一、 / （一） / 1. in Chinese counting and decimal', () => {
    const lists = readLists(table, fib.plfLst);
    const outline = lists.find((list) => list.levels[0]?.lvlText === '%1、');
    expect(outline?.levels.slice(0, 3).map((level) => [level.numFmt, level.lvlText, level.start])).toEqual([
      ['chineseCountingThousand', '%1、', 1],
      ['chineseCountingThousand', '（%2）', 1],
      ['decimal', '%3.', 1],
    ]);
    expect(readListOverrides(table, fib.plfLfo).length).toBeGreaterThan(0);
  });

  it('puts the 15 numbered paragraphs in one list at levels 0, 1 and 2', () => {
    const paragraphs = readParagraphs(
      wordDocument,
      readPieces(table, fib.clx),
      readPapxRuns(wordDocument, table, fib.plcfBtePapx),
      readStyles(table, fib.stshf),
      fib.ccpText,
    );
    const numbered = paragraphs.filter((p) => p.ilfo > 0);
    expect(numbered).toHaveLength(15);
    expect(new Set(numbered.map((p) => p.ilfo)).size).toBe(1);
    expect(numbered.map((p) => p.ilvl).join('')).toBe('001221222122011');
    expect(paragraphs[paragraphs.length - 1]?.cpEnd).toBe(fib.ccpText);
  });

  it('labels them as Word shows them', () => {
    const labels = [...docListLabels(streams.wordDocument, streams.table).values()];
    expect(labels).toEqual([
      '一、',
      '二、',
      '（一）',
      '1.',
      '2.',
      '（二）',
      '1.',
      '2.',
      '3.',
      '（三）',
      '1.',
      '2.',
      '三、',
      '（一）',
      '（二）',
    ]);
  });

  it('throws nothing but ParseError when the table stream’s list and style bytes are garbled', () => {
    const regions = [fib.plfLst, fib.plfLfo, fib.stshf, fib.plcfBtePapx, fib.clx].filter((r) => r.lcb > 0);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: regions.length - 1 }), fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (edits) => {
          const tableCopy = streams.table.slice();
          for (const [region, offset, value] of edits) {
            const r = regions[region];
            if (r) tableCopy[r.fc + (offset % (r.lcb + 64))] = value;
          }
          try {
            docListLabels(streams.wordDocument, tableCopy);
          } catch (error) {
            expect(error).toBeInstanceOf(ParseError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws nothing but ParseError when paragraph pages are garbled or streams cut short', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat({ max: streams.wordDocument.length - 1 }), fc.integer({ min: 0, max: 255 })),
          {
            maxLength: 30,
          },
        ),
        fc.nat({ max: streams.table.length }),
        (edits, cut) => {
          const word = streams.wordDocument.slice();
          for (const [at, value] of edits) word[at] = value;
          try {
            docListLabels(word, streams.table.slice(0, cut));
          } catch (error) {
            expect(error).toBeInstanceOf(ParseError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('insertLabels', () => {
  const pieces = [
    { startCp: 0, text: '通知\r总体' },
    { startCp: 5, text: '目标\r\u3000 重点任务\r' },
  ];

  it('puts each label where its paragraph starts, across pieces, dropping the leading spaces', () => {
    const labels = new Map([
      [3, '一、'],
      [8, '二、'],
    ]);
    expect(insertLabels(pieces, 15, labels)).toBe('通知\r一、总体目标\r二、重点任务\r');
  });

  it('stops at the end of the main text and leaves unlabelled text as it is', () => {
    expect(insertLabels(pieces, 7, new Map())).toBe('通知\r总体目标');
    expect(insertLabels(pieces, 15, new Map([[20, 'x']]))).toBe('通知\r总体目标\r\u3000 重点任务\r');
  });

  it('drops leading spaces that run on into the next piece', () => {
    const split = [
      { startCp: 0, text: '\r ' },
      { startCp: 2, text: '\t任务\r' },
    ];
    expect(insertLabels(split, 6, new Map([[1, '1.']]))).toBe('\r1.任务\r');
  });
});

describe('loadDoc on plan.doc with garbled list tables', () => {
  const fib = readFib(new ByteView(streams.wordDocument));
  // PlfLst, its LVLs and PlfLfo lie together in the table stream, and in one run of the file.
  const start = fib.plfLst.fc;
  const end = fib.plfLfo.fc + fib.plfLfo.lcb;
  const region = streams.table.subarray(start, end);
  const at = Buffer.from(fixtureBytes).indexOf(Buffer.from(region));

  it('finds the list tables in the file', () => {
    expect(end).toBeGreaterThan(start);
    expect(at).toBeGreaterThan(0);
  });

  it('never throws anything but ParseError, and never loses the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: region.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 16,
        }),
        async (edits) => {
          const bytes = fixtureBytes.slice();
          for (const [offset, value] of edits) bytes[at + offset] = value;
          try {
            const doc = await loadDoc(bytes);
            const text = doc.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('\n');
            expect(text).toContain('深化公立医院综合改革');
            expect(text).toContain('加强乡村医生队伍建设');
          } catch (error) {
            expect(error).toBeInstanceOf(ParseError);
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 30_000);
});
