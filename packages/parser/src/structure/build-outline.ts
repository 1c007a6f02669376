import { limitExceeded } from '../errors.js';
import { DEFAULT_PARSE_LIMITS } from '../limits.js';
import type { Span } from '../plan.js';
import type { Segment, TableSegment } from '../segment/segments.js';
import { readMarker, type Marker, type MarkerStyle } from './markers.js';
import type { Outline, OutlineNode, OutlineWarning, RowFields } from './outline.js';
import { readRows } from './table-rows.js';
import { titleSpan } from './title.js';

export const MAX_DEPTH = 8;
const MARKER_WINDOW = 24;
const ATTACHMENT_LINE = /^附\s*件\s*\d{0,2}\s*[:：]?\s*$/;

interface Open {
  style: MarkerStyle;
  value: number;
  node: OutlineNode;
}

/**
 * Builds the item tree from numbering markers. Nesting is inferred per branch from the order in which
 * styles appear: a style already open on the path closes everything below it (a sibling); a style not
 * yet open nests under the current item. There is no fixed ladder of styles.
 */
export function buildOutline(
  text: string,
  folded: string,
  segments: readonly Segment[],
  maxItems: number = DEFAULT_PARSE_LIMITS.maxItems,
): Outline {
  const roots: OutlineNode[] = [];
  let placed = 0;
  const loose: Span[] = [];
  const warnings: OutlineWarning[] = [];
  let stack: Open[] = [];
  // After a table, plain paragraphs belong to no item until the next marker.
  const state = { open: false };

  const place = (node: OutlineNode): void => {
    // Refused as the item past the limit is met, before it or anything built from it exists.
    if (++placed > maxItems) throw limitExceeded('items', maxItems);
    const at = findLastIndex(stack, node.style);
    if (at >= 0) {
      const prev = stack[at];
      const restart = prev !== undefined && node.value === 1 && prev.value > 1 && at < stack.length - 1;
      if (!restart) {
        if (prev && node.value !== prev.value + 1 && !node.style.startsWith('table')) {
          warnings.push({
            code: 'numbering_gap',
            message: `编号 ${node.number} 接在 ${prev.node.number} 之后，编号不连续`,
            source: node.source,
          });
        }
        stack = stack.slice(0, at);
      }
    }
    if (stack.length >= MAX_DEPTH) {
      warnings.push({
        code: 'depth_capped',
        message: `层级超过 ${MAX_DEPTH} 级，编号 ${node.number} 按第 ${MAX_DEPTH} 级处理`,
        source: node.source,
      });
      stack = stack.slice(0, MAX_DEPTH - 1);
    }
    const parent = stack[stack.length - 1];
    (parent ? parent.node.children : roots).push(node);
    stack.push({ style: node.style, value: node.value, node });
    state.open = true;
  };

  for (const segment of segments) {
    if (segment.kind === 'table') {
      const before = stack.length;
      const rows = readRows(text, folded, segment);
      if (rows === null) {
        loose.push(segment.span);
        continue;
      }
      for (const row of rows) place(row);
      stack = stack.slice(0, Math.min(before, stack.length));
      state.open = false;
      continue;
    }
    const { start, end } = segment.span;
    const marker = readMarker(folded.slice(start, Math.min(end, start + MARKER_WINDOW)));
    if (marker) {
      place(paragraphNode(text, marker, start, end));
      continue;
    }
    if (ATTACHMENT_LINE.test(text.slice(start, end))) {
      // An attachment starts a document of its own.
      stack = [];
      state.open = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && state.open) {
      top.node.source.end = end;
      top.node.content.end = end;
    } else {
      loose.push(segment.span);
    }
  }
  return { roots, loose, warnings };
}

function paragraphNode(text: string, marker: Marker, start: number, end: number): OutlineNode {
  const contentStart = start + marker.length;
  return {
    style: marker.style,
    number: marker.number,
    value: marker.value,
    source: { start, end },
    content: { start: contentStart, end },
    title: titleSpan(text, contentStart, end),
    row: null,
    children: [],
  };
}

function findLastIndex(stack: readonly Open[], style: MarkerStyle): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.style === style) return i;
  return -1;
}

export type { TableSegment, RowFields };
