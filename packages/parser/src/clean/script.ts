import * as t2cn from 'opencc-js/t2cn';
import type { Block, LoadedDocument } from '../load/document.js';
import type { Item, Plan, Target } from '../plan.js';

/** Characters that only traditional script writes; a plan using several of them is read through a converter. */
/** Characters printed only in traditional script, as a lookup table by UTF-16 code unit (the scan runs on every plan). */
const TRADITIONAL_ONLY = new Uint8Array(0x10000);
for (const ch of '們個這為會說時國來過學對發點體關務與實衛區縣鄉醫療單衞級質護覽證傳據組織設責項標準達億萬處號廣藥術')
  TRADITIONAL_ONLY[ch.charCodeAt(0)] = 1;
const MIN_TRADITIONAL = 5;
const DETECT_WINDOW = 4000;

type Convert = (text: string) => string;
// opencc-js's declarations import './core' without an extension, which NodeNext cannot follow; its
// Converter is typed here instead.
const { Converter } = t2cn as unknown as { Converter: (options: { from: string; to: string }) => Convert };
let converter: Convert | null = null;
const convert = (text: string): string => {
  const run = converter ?? Converter({ from: 'hk', to: 'cn' });
  converter = run;
  return run(text);
};

/** Reads a simplified-script string back in the document's own script, one UTF-16 unit for one. */
export type BackToScript = (text: string) => string;

export interface ScriptCopy {
  loaded: LoadedDocument;
  /** Null when the document is simplified already. */
  back: BackToScript | null;
}

/**
 * A traditional-script plan (繁體) is read on a simplified private copy made by OpenCC. The copy keeps every
 * length (a phrase the converter would lengthen or shorten is converted one character at a time), so every
 * offset the engine computes on it is an offset into the original; the plan's strings are then read back in
 * the original script character by character, using the pairs this document itself contains.
 */
export function simplifiedCopy(loaded: LoadedDocument): ScriptCopy {
  if (!looksTraditional(loaded.blocks)) return { loaded, back: null };
  // How often each simplified character stands for each original one. Most characters are their own
  // simplified form: those are only counted (by code), and a character gets a map of its originals once it
  // stands for another one. Its own form keeps the place it first took in that map, so a tie between two
  // originals is still won by the one printed first.
  const pairs = new Map<string, Map<string, number>>();
  const sameCount = new Uint32Array(0x10000);
  // 1: the character has a map of originals; 2: its own form has its place in that map too.
  const mapped = new Uint8Array(0x10000);
  const toSimplified = (text: string): string => {
    let out = convert(text);
    if (out.length !== text.length) out = Array.from(text, (ch) => sameLength(ch)).join('');
    for (let i = 0; i < text.length; i++) {
      const code = out.charCodeAt(i);
      if (code === text.charCodeAt(i)) {
        sameCount[code] = (sameCount[code] ?? 0) + 1;
        if (mapped[code] === 1) {
          const s = out.charAt(i);
          pairs.get(s)?.set(s, 0);
          mapped[code] = 2;
        }
        continue;
      }
      const s = out.charAt(i);
      let counts = pairs.get(s);
      if (!counts) {
        pairs.set(s, (counts = new Map<string, number>()));
        mapped[code] = 1;
        if ((sameCount[code] ?? 0) > 0) {
          counts.set(s, 0);
          mapped[code] = 2;
        }
      }
      const t = text.charAt(i);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return out;
  };
  const blocks: Block[] = loaded.blocks.map((block) =>
    block.kind === 'paragraph'
      ? { kind: 'paragraph', text: toSimplified(block.text) }
      : {
          kind: 'table',
          rows: block.rows.map((row) => ({
            cells: row.cells.map((cell) => ({ ...cell, text: toSimplified(cell.text) })),
          })),
        },
  );
  const hints = { ...loaded.hints };
  if (hints.title) hints.title = toSimplified(hints.title);
  if (hints.issuer) hints.issuer = toSimplified(hints.issuer);

  const backOf = new Map<string, string>();
  for (const [s, counts] of pairs) {
    if (counts.has(s)) counts.set(s, sameCount[s.charCodeAt(0)] ?? 0);
    let best = s;
    let bestCount = -1;
    for (const [t, n] of counts) {
      if (n > bestCount) {
        best = t;
        bestCount = n;
      }
    }
    if (best !== s) backOf.set(s, best);
  }
  const back: BackToScript = (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] ?? '';
      out += backOf.get(ch) ?? ch;
    }
    return out;
  };
  return { loaded: { ...loaded, blocks, hints }, back };
}

function sameLength(ch: string): string {
  const out = convert(ch);
  return out.length === ch.length ? out : ch;
}

function looksTraditional(blocks: readonly Block[]): boolean {
  let seen = 0;
  let scanned = 0;
  for (const block of blocks) {
    const texts =
      block.kind === 'paragraph' ? [block.text] : block.rows.flatMap((r) => r.cells.map((c) => c.text));
    for (const text of texts) {
      for (let i = 0; i < text.length; i++) {
        if (TRADITIONAL_ONLY[text.charCodeAt(i)] === 1 && ++seen >= MIN_TRADITIONAL) return true;
      }
      scanned += text.length;
      if (scanned > DETECT_WINDOW) return false;
    }
  }
  return false;
}

/** The plan with every printed string read back in the document's script; spans are unchanged. */
export function planInScript(plan: Plan, back: BackToScript): Plan {
  const target = (t: Target): Target => ({
    ...t,
    metric: back(t.metric),
    unit: back(t.unit),
    text: back(t.text),
    deadlineText: t.deadlineText === null ? null : back(t.deadlineText),
  });
  const item = (i: Item): Item => ({
    ...i,
    number: back(i.number),
    title: back(i.title),
    text: back(i.text),
    units: i.units.map(back),
    lead: i.lead.map(back),
    support: i.support.map(back),
    targets: i.targets.map(target),
    deadlineText: i.deadlineText === null ? null : back(i.deadlineText),
    children: i.children.map(item),
  });
  const opt = (s: string | null): string | null => (s === null ? null : back(s));
  return {
    ...plan,
    text: back(plan.text),
    meta: {
      ...plan.meta,
      title: opt(plan.meta.title),
      region: opt(plan.meta.region),
      issuer: opt(plan.meta.issuer),
      docNumber: opt(plan.meta.docNumber),
      recipients: plan.meta.recipients.map(back),
    },
    items: plan.items.map(item),
    targets: plan.targets.map(target),
    aliases: plan.aliases.map((a) => ({ short: back(a.short), full: back(a.full) })),
  };
}
