import type { Span } from '../plan.js';

const PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['「', '」'],
  ['『', '』'],
  ['〈', '〉'],
  ['〔', '〕'],
  ['［', '］'],
  ['[', ']'],
]);
const CLOSERS: ReadonlyMap<string, string> = new Map([...PAIRS].map(([o, c]) => [c, o]));
/** Per UTF-16 code: 1 for a quote or bracket mark or a hard break, else 0; lets the pass skip plain text fast. */
const MARKS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (const ch of [...PAIRS.keys(), ...PAIRS.values(), '"', '。', '\n', '\r']) table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** A quote longer than this is a mismatched mark, not a quoted name. */
const MAX_QUOTE = 60;

function isHardBreak(ch: string): boolean {
  return ch === '。' || ch === '\n' || ch === '\r';
}

/**
 * Quoted names, book titles and document-number brackets in [start, end), in order: counts inside them
 * (“三高共管”, 《十条要求》, 〔2023〕) are names, not commitments. One linear pass; each opener is
 * paired with the first matching closer within MAX_QUOTE characters of the same sentence.
 */
export function quotedSpans(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const open = new Map<string, number>();
  let asciiOpen = -1;
  for (let i = start; i < end; i++) {
    if (MARKS[text.charCodeAt(i)] === 0) continue;
    const ch = text[i] ?? '';
    if (isHardBreak(ch)) {
      open.clear();
      asciiOpen = -1;
      continue;
    }
    if (ch === '"') {
      if (asciiOpen >= 0 && i - asciiOpen <= MAX_QUOTE) {
        out.push({ start: asciiOpen, end: i + 1 });
        asciiOpen = -1;
      } else asciiOpen = i;
      continue;
    }
    if (PAIRS.has(ch)) {
      open.set(ch, i);
      continue;
    }
    const opener = CLOSERS.get(ch);
    if (opener === undefined) continue;
    const at = open.get(opener);
    if (at !== undefined && i - at <= MAX_QUOTE) out.push({ start: at, end: i + 1 });
    open.delete(opener);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Walks quoted spans in step with increasing positions (targets are found left to right). */
export class QuoteCursor {
  private index = 0;
  constructor(private readonly spans: readonly Span[]) {}

  /** True when [pos, pos+1) lies inside a quoted span; `pos` must not decrease between calls. */
  covers(pos: number): boolean {
    while (this.index < this.spans.length && (this.spans[this.index]?.end ?? 0) <= pos) this.index++;
    for (let k = this.index; k < this.spans.length && k < this.index + 4; k++) {
      const s = this.spans[k];
      if (s !== undefined && s.start < pos && pos < s.end) return true;
    }
    return false;
  }
}

function isDigitAround(text: string, i: number): boolean {
  const a = text[i - 1] ?? '';
  const b = text[i + 1] ?? '';
  return a >= '0' && a <= '9' && b >= '0' && b <= '9';
}

/** Per UTF-16 code: SENTENCE for a sentence end, CLAUSE for a clause end only, DOT/COMMA when digits decide. */
const SENTENCE = 1;
const CLAUSE = 2;
const DOT = 3;
const COMMA = 4;
const ENDS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (const ch of '。；;！？!?\n\r') table[ch.charCodeAt(0)] = SENTENCE;
  for (const ch of '，：:') table[ch.charCodeAt(0)] = CLAUSE;
  table['.'.charCodeAt(0)] = DOT;
  table[','.charCodeAt(0)] = COMMA;
  return table;
})();

export function isSentenceEnd(text: string, i: number): boolean {
  const kind = ENDS[text.charCodeAt(i)] ?? 0;
  if (kind === SENTENCE) return true;
  return kind === DOT && !isDigitAround(text, i);
}

export function isClauseEnd(text: string, i: number): boolean {
  const kind = ENDS[text.charCodeAt(i)] ?? 0;
  if (kind === 0) return false;
  if (kind === SENTENCE || kind === CLAUSE) return true;
  return !isDigitAround(text, i);
}

/**
 * Start of the clause holding `pos`, looking back at most `maxBack` characters and never before `floor`.
 * An unclosed opening bracket also starts a clause: （新增6家…） is read on its own.
 */
export function clauseStart(text: string, pos: number, floor: number, maxBack: number): number {
  const limit = Math.max(floor, pos - maxBack);
  let depth = 0;
  for (let i = pos - 1; i >= limit; i--) {
    const ch = text[i] ?? '';
    if (isClauseEnd(text, i)) return i + 1;
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) return i + 1;
      depth--;
    }
  }
  return limit;
}

/** End of the clause holding `pos` (exclusive), looking ahead at most `maxAhead` characters. */
export function clauseEnd(text: string, pos: number, ceiling: number, maxAhead: number): number {
  const limit = Math.min(ceiling, pos + maxAhead);
  for (let i = pos; i < limit; i++) if (isClauseEnd(text, i)) return i;
  return limit;
}

/**
 * Sentence starts for increasing positions, in amortised constant time: a query only rescans the text
 * between the previous query's position and its own, so a dense run of numbers stays linear.
 */
export class SentenceCursor {
  private lastPos = -1;
  private lastStart = -1;
  constructor(
    private readonly text: string,
    private readonly floor: number,
    private readonly maxBack: number,
  ) {}

  start(pos: number): number {
    const limit = Math.max(this.floor, pos - this.maxBack);
    const cached = this.lastPos >= limit && this.lastPos <= pos;
    const stopAt = cached ? this.lastPos : limit;
    let result = -1;
    for (let i = pos - 1; i >= stopAt; i--) {
      if (isSentenceEnd(this.text, i)) {
        result = i + 1;
        break;
      }
    }
    if (result < 0) result = cached ? Math.max(this.lastStart, limit) : limit;
    this.lastPos = pos;
    this.lastStart = result;
    return result;
  }
}

export function sentenceEnd(text: string, pos: number, ceiling: number, maxAhead: number): number {
  const limit = Math.min(ceiling, pos + maxAhead);
  for (let i = pos; i < limit; i++) if (isSentenceEnd(text, i)) return i;
  return limit;
}
