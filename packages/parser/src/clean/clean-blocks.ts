import type { Block } from '../load/document.js';
import { classifyChrome, type ChromeKind } from './chrome.js';
import { splitRunOnParagraphs } from './run-on.js';
import { portalKeyProfile, readPortalFields, type PortalFields } from './portal-fields.js';
import { dropRunningHeaders } from './running-headers.js';
import { readIndicatorTables, rebuildTextTables } from './text-tables.js';
import { joinBrokenNumbers, unwrapHardWraps } from './unwrap.js';

export interface DroppedBlock {
  kind: ChromeKind | 'duplicate_title';
  text: string;
}

export interface CleanResult {
  blocks: Block[];
  portal: PortalFields;
  dropped: DroppedBlock[];
}

const HEAD_WINDOW = 30;
const TAIL_WINDOW = 15;

/** Drops portal chrome and noise; what the chrome says about the document goes to `portal`. */
export function cleanBlocks(input: readonly Block[]): CleanResult {
  const portal: PortalFields = {};
  const dropped: CleanResult['dropped'] = [];
  const blocks = splitRunOnParagraphs(input.filter((b) => b.kind === 'table' || b.text.trim().length > 0));
  const total = blocks.length;
  const kept: Block[] = [];
  let inFooter = false;

  blocks.forEach((block, index) => {
    if (block.kind === 'table') {
      if (isPortalTable(block)) {
        for (const row of block.rows) readPortalFields(row.cells.map((c) => c.text).join(' '), portal);
        dropped.push({ kind: 'portal_meta', text: '[table]' });
      } else {
        kept.push(block);
      }
      return;
    }
    const text = block.text.trim();
    const ctx = { fromStart: index, fromEnd: total - 1 - index };
    let kind = classifyChrome(text, ctx);
    if (!kind && inFooter && text.length <= 150) kind = 'footer';
    if (kind === 'footer' && ctx.fromEnd < TAIL_WINDOW) inFooter = true;
    if (kind) {
      if (kind === 'portal_meta') readPortalFields(text, portal);
      dropped.push({ kind, text });
      return;
    }
    kept.push(block);
  });

  const unwrapped = joinBrokenNumbers(
    unwrapHardWraps(dropRunningHeaders(readIndicatorTables(rebuildTextTables(kept)), dropped)),
  );
  return { blocks: dropDuplicatedTitles(unwrapped, dropped), portal, dropped };
}

function isPortalTable(block: Extract<Block, { kind: 'table' }>): boolean {
  const keys = block.rows.reduce(
    (n, row) => n + row.cells.reduce((m, c) => m + portalKeyProfile(c.text).keys, 0),
    0,
  );
  return keys >= 3;
}

// Decorative dots around a title (· 2026年…工作计划 ·) are no part of it.
const SQUEEZED = /[\s·•・]/;
const SQUEEZED_CODES: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  // Every \s character and every dot lies below U+3100, but for the byte-order mark U+FEFF.
  for (const code of [...Array.from({ length: 0x3100 }, (_, c) => c), 0xfeff])
    if (SQUEEZED.test(String.fromCharCode(code))) table[code] = 1;
  return table;
})();

/**
 * The text without spaces and decorative dots, or null when that is longer than `max`: only short lines can
 * be titles, and a long paragraph is not copied to find that out.
 */
function squeezeWithin(text: string, max: number): string | null {
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (SQUEEZED_CODES[text.charCodeAt(i)] !== 1 && ++kept > max) return null;
  }
  return text.replace(/[\s·•・]+/g, '');
}
const TITLE_LIKE = /(通知|要点|计划|方案|安排|任务|清单|推进表|台账|意见|办法|规划)$/;

/**
 * Portals print a title twice (the page title, then the document's own, often broken over lines).
 * In the head, a paragraph — or a run of up to three short ones — that repeats an earlier paragraph goes.
 */
function dropDuplicatedTitles(blocks: Block[], dropped: CleanResult['dropped']): Block[] {
  const out: Block[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    if (block.kind !== 'paragraph' || i >= HEAD_WINDOW) {
      out.push(block);
      continue;
    }
    const own = squeezeWithin(block.text, 80);
    // Only a title is printed twice on purpose; an issuer's name recurs as the signature.
    if (own !== null && seen.has(own) && TITLE_LIKE.test(own)) {
      dropped.push({ kind: 'duplicate_title', text: block.text });
      continue;
    }
    const run = own !== null && own.length <= 60 ? repeatedRun(blocks, i, seen) : 0;
    if (run > 0) {
      for (let k = 0; k < run; k++) {
        const b = blocks[i + k];
        if (b?.kind === 'paragraph') dropped.push({ kind: 'duplicate_title', text: b.text });
      }
      i += run - 1;
      continue;
    }
    if (own !== null) seen.add(own);
    out.push(block);
  }
  return out;
}

function repeatedRun(blocks: Block[], start: number, seen: Set<string>): number {
  let joined = '';
  for (let k = 0; k < 3; k++) {
    const b = blocks[start + k];
    if (b?.kind !== 'paragraph') return 0;
    const part = squeezeWithin(b.text, 60);
    if (part === null) return 0;
    joined += part;
    if (k > 0 && seen.has(joined) && TITLE_LIKE.test(joined)) return k + 1;
  }
  return 0;
}
