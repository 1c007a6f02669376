/*
 * Splitting an item's own text in two, at a sentence end (。；;) or before an enumerator (一是、二是…).
 * The two parts keep spans into the plan's text: the item's `source` covers its marker and its text, and
 * its text is a slice of that span, so an offset into the text is an offset into the plan's text.
 */

const SENTENCE_END = /[。；;]/;
const ENUMERATOR = /^[一二三四五六七八九十]{1,3}是/;

export interface SplitSource {
  text: string;
  title: string;
  sourceStart: number | null;
  sourceEnd: number | null;
  /** The plan's text the span points into (null when the plan keeps none). */
  planText: string | null;
}

export interface SplitPart {
  text: string;
  title: string;
  source: { start: number; end: number } | null;
}

export type SplitOutcome =
  | { ok: true; first: SplitPart; second: SplitPart; at: number | null }
  | { ok: false; reason: 'not_a_boundary' | 'empty_part' };

/** A short title from the start of a text: up to the first sentence or clause end, at most 40 characters. */
export function titleFrom(text: string): string {
  const trimmed = text.trim();
  const end = trimmed.search(/[。；;，,：:\n]/);
  return (end > 0 ? trimmed.slice(0, end) : trimmed).slice(0, 40).trim();
}

/** True where the text may be split: after a sentence end or before 一是/二是…. */
export function isSplitBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.slice(0, offset).trimEnd();
  const after = text.slice(offset).trimStart();
  return SENTENCE_END.test(before.slice(-1)) || ENUMERATOR.test(after);
}

/** The offsets where `text` may be split, at the first character of the second part (one pass). */
export function splitBoundaries(text: string): number[] {
  const out: number[] = [];
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) continue;
    if (previous !== '' && (SENTENCE_END.test(previous) || ENUMERATOR.test(text.slice(i, i + 4))))
      out.push(i);
    previous = ch;
  }
  return out;
}

export function splitItemText(source: SplitSource, offset: number): SplitOutcome {
  const { text } = source;
  if (!isSplitBoundary(text, offset)) return { ok: false, reason: 'not_a_boundary' };
  const head = text.slice(0, offset);
  const tail = text.slice(offset);
  const firstText = head.trimEnd();
  const lead = tail.length - tail.trimStart().length;
  const secondText = tail.trim();
  if (firstText.trim().length === 0 || secondText.length === 0) return { ok: false, reason: 'empty_part' };

  // Where the text sits in the plan's text: the span starts with the marker, then the text.
  let at: number | null = null;
  if (source.planText !== null && source.sourceStart !== null && source.sourceEnd !== null) {
    const span = source.planText.slice(source.sourceStart, source.sourceEnd);
    const index = span.indexOf(text);
    if (index >= 0) at = source.sourceStart + index;
  }
  const firstTitle =
    source.title.length > 0 && (firstText.startsWith(source.title) || !text.startsWith(source.title))
      ? source.title
      : titleFrom(firstText);
  return {
    ok: true,
    at,
    first: {
      text: firstText,
      title: firstTitle,
      source:
        at !== null && source.sourceStart !== null
          ? { start: source.sourceStart, end: at + firstText.length }
          : null,
    },
    second: {
      text: secondText,
      title: titleFrom(secondText) || secondText.slice(0, 40),
      source:
        at !== null && source.sourceEnd !== null
          ? { start: at + offset + lead, end: at + offset + lead + secondText.length }
          : null,
    },
  };
}
