import type { Block } from '../load/document.js';
import { foldWidth } from './width.js';
import { readMarker } from '../structure/markers.js';
import type { DroppedBlock } from './clean-blocks.js';

const MAX_HEADER = 60;
const ROLE_OR_LABEL = /牵头|配合|负责|单位|科室|[:：。；;]$/;

/**
 * Text copied from a paginated document repeats the page's running header. In a document that printed
 * page numbers, a short line that recurs three times, or twice with one copy opening the document, is a
 * running header — unless it is a numbered heading or a responsibility line, which legitimately repeat.
 */
export function dropRunningHeaders(blocks: readonly Block[], dropped: DroppedBlock[]): Block[] {
  if (!dropped.some((d) => d.kind === 'page_number')) return [...blocks];
  const counts = new Map<string, number>();
  const key = (b: Block): string | null => {
    if (b.kind !== 'paragraph') return null;
    const text = b.text.trim();
    if (text.length < 4 || text.length > MAX_HEADER || ROLE_OR_LABEL.test(text)) return null;
    if (readMarker(foldWidth(text.slice(0, 24))) !== null) return null;
    return text.replace(/\s+/g, ' ');
  };
  for (const b of blocks) {
    const k = key(b);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const first = blocks[0] ? key(blocks[0]) : null;
  const headers = new Set([...counts].filter(([k, n]) => n >= 3 || (n >= 2 && k === first)).map(([k]) => k));
  if (headers.size === 0) return [...blocks];
  return blocks.filter((b) => {
    const k = key(b);
    if (k === null || !headers.has(k)) return true;
    dropped.push({ kind: 'running_header', text: k });
    return false;
  });
}
