import type { Block } from '../load/document.js';
import { CHINESE_NUMERAL_CHARS, chineseToInt, circledToInt } from '../structure/chinese-numerals.js';
import { readMarker, type MarkerStyle } from '../structure/markers.js';
import { foldWidth } from './width.js';

/** A numbering marker found inside a paragraph (not at its start). */
interface Candidate {
  style: MarkerStyle;
  value: number;
  at: number;
}

interface Open {
  style: MarkerStyle;
  value: number;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,3}`;
const BOUNDARY = '(?<=^|[\\s。；;:！!？?)）])';
// Read on the width-folded copy. A 一、 heading follows a sentence end or a space (开展一、二级手术 is not one).
const INNER: readonly { style: MarkerStyle; re: RegExp }[] = [
  { style: 'cn', re: new RegExp(`${BOUNDARY}(${CN})、(?![${CHINESE_NUMERAL_CHARS}])`, 'g') },
  { style: 'cn-paren', re: new RegExp(`\\((${CN})\\)`, 'g') },
  // 1.完善… is a heading; 1.5万人 is a number, 第1季度 has no dot.
  { style: 'arabic-dot', re: /(?<![\d.A-Za-z])(\d{1,2})\.(?=[\u4e00-\u9fff“《])/g },
  { style: 'arabic-paren', re: /\((\d{1,2})\)(?=[\u4e00-\u9fff“《])/g },
  { style: 'arabic-comma', re: /(?<=^|[\s。；;:)])(\d{1,2})、(?=[\u4e00-\u9fff])/g },
  { style: 'circled', re: /([\u2460-\u2473])/g },
];

/** A page counter printed into the running text by a PDF that lost its line breaks (— 2 —). */
const PAGE_COUNTER = /\s[—–－-]\s?\d{1,3}\s?[—–－-]\s/g;
const MIN_INNER = 2;

/**
 * Text copied from template sites, document-sharing sites or a PDF that lost its line breaks puts a whole
 * plan in one paragraph. Inside a paragraph, a numbering marker is a heading only when it continues the
 * numbering the document has so far (the first of a new level, confirmed by its second, or one more than
 * its style's last value); a paragraph with at least two such headings is run-on text and is cut before
 * each of them, and at the spaces that stand for its lost line breaks.
 */
export function splitRunOnParagraphs(blocks: readonly Block[]): Block[] {
  // Most plans hold no paragraph that may be run-on text: one cheap pass finds the last that may, and the
  // numbering is tracked only up to it (nothing after it can be cut).
  let last = -1;
  for (let i = blocks.length - 1; i >= 0 && last < 0; i--) {
    const block = blocks[i];
    if (block?.kind === 'paragraph' && mayBeRunOn(block.text)) last = i;
  }
  if (last < 0) return [...blocks];
  const out: Block[] = [];
  let stack: Open[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) continue;
    if (block.kind !== 'paragraph' || i > last) {
      out.push(block);
      continue;
    }
    const text = block.text.trim();
    const lead = readMarker(foldWidth(text.slice(0, 24)));
    if (lead) stack = force(stack, lead);
    if (!mayBeRunOn(text)) {
      out.push(block);
      continue;
    }
    const found = innerHeadings(foldWidth(text), lead ? lead.length : 0, stack);
    if (found.cuts.length < MIN_INNER) {
      out.push(block);
      continue;
    }
    stack = found.stack;
    for (const piece of cutAt(text, found.cuts)) out.push({ kind: 'paragraph', text: piece });
  }
  return out;
}

// Any heading-like marker inside, read on the unfolded text (full- and half-width forms).
const ANY_INNER = new RegExp(
  `[${CHINESE_NUMERAL_CHARS}]、|[（(][${CHINESE_NUMERAL_CHARS}\\d]{1,3}[）)]|\\d[.．][\\u4e00-\\u9fff]|\\d、|[\\u2460-\\u2473]`,
  'g',
);

/** A paragraph too short, or with fewer than two heading-like markers inside, is no run-on text. */
function mayBeRunOn(raw: string): boolean {
  if (raw.length < 60) return false;
  const text = raw.trim();
  return text.length >= 60 && mayHoldHeadings(text);
}

/** One cheap pass: a paragraph with fewer than two heading-like markers inside is no run-on text. */
function mayHoldHeadings(text: string): boolean {
  ANY_INNER.lastIndex = 1;
  return ANY_INNER.exec(text) !== null && ANY_INNER.exec(text) !== null;
}

function innerHeadings(
  folded: string,
  from: number,
  start: readonly Open[],
): { cuts: number[]; stack: Open[] } {
  const candidates: Candidate[] = [];
  for (const { style, re } of INNER) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m.index < from) continue;
      const value = valueOf(style, m[1] ?? '');
      if (value !== null) candidates.push({ style, value, at: m.index });
    }
  }
  candidates.sort((a, b) => a.at - b.at);
  let stack: Open[] = [...start];
  const cuts: number[] = [];
  candidates.forEach((c, i) => {
    if (c.at === 0) return;
    if (c.value === 1 && !stack.some((o) => o.style === c.style)) {
      // A new level is real when its second follows before its style restarts.
      const second = candidates.slice(i + 1).find((d) => d.style === c.style && d.value <= 2);
      if (second?.value !== 2) return;
    }
    const next = accept(stack, c);
    if (!next) return;
    stack = next;
    cuts.push(c.at);
  });
  return { cuts, stack };
}

/** The stack after a marker continues the numbering, or null when it does not. */
function accept(stack: readonly Open[], c: Omit<Candidate, 'at'> & { at: number }): Open[] | null {
  let at = -1;
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i]?.style === c.style) {
      at = i;
      break;
    }
  }
  if (at >= 0) {
    const prev = stack[at];
    if (!prev || c.value !== prev.value + 1) return null;
    return [...stack.slice(0, at), { style: c.style, value: c.value }];
  }
  if (c.value !== 1) return null;
  return [...stack, { style: c.style, value: c.value }];
}

/** A paragraph's own leading marker always counts, as the outline will take it. */
function force(stack: readonly Open[], marker: Open): Open[] {
  const at = stack.findIndex((o) => o.style === marker.style);
  const kept = at >= 0 ? stack.slice(0, at) : [...stack];
  return [...kept, { style: marker.style, value: marker.value }];
}

function valueOf(style: MarkerStyle, number: string): number | null {
  if (style === 'circled') return circledToInt(number);
  if (/^\d+$/.test(number)) return Number(number);
  const n = chineseToInt(number);
  return n === null || n === 0 ? null : n;
}

const LOST_BREAK = /(?<=[^\sA-Za-z0-9.%])[ \u3000]+(?=[^\sA-Za-z0-9%]|(?:19|20)\d\d年)/g;
// A signature glued after the last sentence: 。某某卫生健康局 2026年1月15日
const GLUED_SIGNATURE = /(?<=。)(?=[^。，,；\s]{4,30}[ \u3000]+\d{4}年\d{1,2}月\d{1,2}日)/g;

function cutAt(text: string, cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  const bounds = [0, ...cuts, text.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = text.slice(bounds[i], bounds[i + 1]).replace(PAGE_COUNTER, '');
    for (const line of part.replace(GLUED_SIGNATURE, '\n').replace(LOST_BREAK, '\n').split('\n')) {
      const piece = line.trim();
      if (piece.length > 0) pieces.push(piece);
    }
  }
  return pieces;
}
