import type { Block, TableCell } from './document.js';
import { pushParagraphs, tidyParagraph } from './paragraphs.js';

// A cell with several paragraphs spans lines; a row never spans more than this many.
const MAX_ROW_LINES = 40;

/**
 * Turns word-extractor's body text into blocks. It writes each table cell followed by a tab and ends
 * a row with a line break, so a row is a run of lines whose last one ends with a tab. Runs of two or
 * more such rows become a table; a vertically merged cell reads as an empty cell (not `continued`,
 * since the text cannot tell the two apart).
 */
export function docBodyToBlocks(body: string): Block[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let rows: string[][] = [];

  const flushTable = (): void => {
    const width = Math.max(0, ...rows.map((row) => row.length));
    if (rows.length >= 2 && width >= 2) {
      const tableRows = rows.map((row) => ({
        cells: row.map((text): TableCell => ({
          text,
          colSpan: row.length === 1 ? width : 1,
          continued: false,
        })),
      }));
      blocks.push({ kind: 'table', rows: tableRows });
    } else {
      for (const row of rows) pushParagraphs(blocks, row.join('\t'));
    }
    rows = [];
  };

  let i = 0;
  while (i < lines.length) {
    let end = -1;
    for (let j = i; j < lines.length && j < i + MAX_ROW_LINES; j++) {
      const line = lines[j] ?? '';
      if (/\t$/.test(line)) {
        end = j;
        break;
      }
      // A row's lines before its last must already be inside a cell: the first holds a tab or the
      // paragraph is the start of a multi-paragraph first cell, which we only accept inside a table.
      if (j === i && !line.includes('\t') && rows.length === 0) break;
    }
    if (end === -1) {
      flushTable();
      pushParagraphs(blocks, lines[i] ?? '');
      i++;
      continue;
    }
    const rowText = lines
      .slice(i, end + 1)
      .join('\n')
      .replace(/\t+$/, '');
    rows.push(
      rowText.split('\t').map((cell) =>
        cell
          .split('\n')
          .map(tidyParagraph)
          .filter((part) => part !== '')
          .join('\n'),
      ),
    );
    i = end + 1;
  }
  flushTable();
  return blocks;
}
