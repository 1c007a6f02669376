import type { Block } from './document.js';

/** One paragraph block per non-blank line; trailing whitespace goes, everything else stays. */
export function paragraphsFromLines(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const kept = line.trimEnd();
    if (kept.trim() !== '') blocks.push({ kind: 'paragraph', text: kept });
  }
  return blocks;
}

/** Trims a paragraph assembled from a layout (HTML, docx, PDF), where edge whitespace is indentation. */
export function tidyParagraph(text: string): string {
  return text.trim();
}

/** Splits on explicit breaks and adds one paragraph block per non-blank piece. */
export function pushParagraphs(blocks: Block[], text: string): void {
  for (const piece of text.split('\n')) {
    const tidy = tidyParagraph(piece);
    if (tidy !== '') blocks.push({ kind: 'paragraph', text: tidy });
  }
}
