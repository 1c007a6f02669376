import type { Block } from '../load/document.js';
import { readMarker, type MarkerStyle } from '../structure/markers.js';
import { foldWidth } from './width.js';

const MIN_LINES = 8;
const TOLERANCE = 4;
const MIN_WRAP_WIDTH = 30;
const ENDS_SENTENCE = /[。；;！!？?：:…”」』）)]$/;

/** Display width: CJK and full-width forms take two columns, ASCII one. */
function width(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += text.charCodeAt(i) > 0xff ? 2 : 1;
  return w;
}

/**
 * Text copied out of a PDF keeps the page's line breaks: every line is about as wide as the page and a
 * sentence runs on into the next line. Such a document is recognised by its widths (nearly no line is wider
 * than the most common width, and many lines are that wide); a full line that does not end a sentence is
 * joined with the next. A next line that opens with a numbering marker starts a new paragraph — unless its
 * number does not continue its style's sequence (三、四级手术 wrapped onto a new line is not section 三).
 */
export function unwrapHardWraps(blocks: readonly Block[]): Block[] {
  const lines = blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
  const widths = lines.map((b) => width(b.text.trim())).filter((w) => w >= 20);
  if (widths.length < MIN_LINES) return [...blocks];
  const wrap = mostCommonWidth(widths);
  if (wrap < MIN_WRAP_WIDTH) return [...blocks];
  const full = widths.filter((w) => Math.abs(w - wrap) <= TOLERANCE).length;
  const wider = widths.filter((w) => w > wrap + TOLERANCE).length;
  if (full < 0.35 * widths.length || wider > 0.1 * widths.length) return [...blocks];

  const out: Block[] = [];
  const lastValue = new Map<MarkerStyle, number>();
  let pending: string | null = null;
  const flush = (): void => {
    if (pending !== null) out.push({ kind: 'paragraph', text: pending });
    pending = null;
  };
  for (const block of blocks) {
    if (block.kind !== 'paragraph') {
      flush();
      out.push(block);
      continue;
    }
    const text = block.text.trim();
    const marker = readMarker(foldWidth(text.slice(0, 24)));
    if (pending !== null && runsOn(pending, wrap) && !(marker && continuesSequence(marker, lastValue))) {
      pending += text;
      continue;
    }
    flush();
    if (marker) lastValue.set(marker.style, marker.value);
    pending = text;
  }
  flush();
  return out;
}

function runsOn(line: string, wrap: number): boolean {
  const lastLine = line.slice(line.lastIndexOf('\n') + 1);
  return !ENDS_SENTENCE.test(line) && width(lastLine) >= wrap - TOLERANCE && width(line) % 1 === 0;
}

/** A real heading continues its style: the first of it, or one more than the last seen. */
function continuesSequence(
  marker: { style: MarkerStyle; value: number },
  last: Map<MarkerStyle, number>,
): boolean {
  const prev = last.get(marker.style);
  return prev === undefined ? marker.value === 1 : marker.value === prev + 1 || marker.value === 1;
}

function mostCommonWidth(widths: readonly number[]): number {
  // Widths within the tolerance count together: a line with a few half-width digits is a little narrower.
  const sorted = [...widths].sort((a, b) => a - b);
  let best = 0;
  let bestCount = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) > TOLERANCE) lo++;
    const count = hi - lo + 1;
    if (count >= bestCount) {
      bestCount = count;
      best = sorted[hi] ?? 0;
    }
  }
  return best;
}

const ENDS_IN_NUMBER = /(?:\d|\d个)$/;
const OPENS_WITH_UNIT = /^(?:个?百分点|小时|[%‰]|[个万亿千人次家所张名岁分钟天倍元床台项件])/;

/**
 * A number and its unit broken over two lines (提高2⏎个百分点, 达到98⏎%) are one: the line that ends in the
 * number runs on into the line that opens with the unit, in any document.
 */
export function joinBrokenNumbers(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (
      block.kind === 'paragraph' &&
      prev?.kind === 'paragraph' &&
      ENDS_IN_NUMBER.test(prev.text.trimEnd()) &&
      OPENS_WITH_UNIT.test(block.text.trimStart())
    ) {
      out[out.length - 1] = { kind: 'paragraph', text: prev.text.trimEnd() + block.text.trimStart() };
      continue;
    }
    out.push(block);
  }
  return out;
}
