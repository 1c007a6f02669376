import type { ItemDto } from '../../api/endpoints.js';

export interface SourceParts {
  before: string;
  marked: string;
  after: string;
}

/** Splits the text around a span, clamped to the text, for a highlight rendered as plain text. */
export function splitAt(text: string, span: { start: number; end: number } | null): SourceParts {
  if (!span) return { before: text, marked: '', after: '' };
  const start = Math.max(0, Math.min(text.length, span.start));
  const end = Math.max(start, Math.min(text.length, span.end));
  return { before: text.slice(0, start), marked: text.slice(start, end), after: text.slice(end) };
}

/**
 * When the server keeps no source text, a stand-in built from the items themselves, with each item's
 * span into it, so selecting an item still highlights where it sits.
 */
export function textFromItems(items: readonly ItemDto[]): {
  text: string;
  spans: Map<string, { start: number; end: number }>;
} {
  const spans = new Map<string, { start: number; end: number }>();
  let text = '';
  for (const item of items) {
    const body = item.text.trim();
    const line =
      body && body !== item.title ? `${item.number} ${item.title}\n${body}` : `${item.number} ${item.title}`;
    const start = text.length;
    text += line;
    spans.set(item.id, { start, end: text.length });
    text += '\n';
  }
  return { text, spans };
}
