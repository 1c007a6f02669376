import type { Span } from '../plan.js';

const TRAILING = /[\s,，.。;；:：、!！?？]+$/;

/** The heading: from `start` to the first 。 or ； (either width) or the line end, trailing punctuation off. */
export function titleSpan(text: string, start: number, end: number): Span {
  let stop = end;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    // 。 ； ; and line breaks end a heading.
    if (ch === 0x3002 || ch === 0xff1b || ch === 0x3b || ch === 0x0a || ch === 0x0d) {
      stop = i;
      break;
    }
  }
  const head = text.slice(start, stop);
  const trimmed = head.replace(TRAILING, '');
  const lead = trimmed.length - trimmed.trimStart().length;
  return { start: start + lead, end: start + trimmed.length };
}
