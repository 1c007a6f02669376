/**
 * Splitting a printed list of units into its parts and cleaning each part of role words
 * (牵头, 配合, 按职责分工负责 …) and collective tails (等有关科室).
 */

import {
  LEAD_WORDS,
  ROLE_TAILS,
  SUPPORT_WORDS,
  alternation,
  roleOfWord,
  type PrintedRole,
} from '../lexicon.js';
import { isUnitName } from './unit-name.js';

export type { PrintedRole } from '../lexicon.js';

// Clauses are also printed in full-width square brackets (［牵头单位：…］) and in 〖〗.
const OPEN_BRACKETS = '（(【[［〖';
const CLOSE_BRACKETS = '）)】]］〗';

// Per UTF-16 code: 1 opens a bracket, 2 closes one. The clause scans test every character they pass.
const BRACKET_KIND: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (const ch of OPEN_BRACKETS) table[ch.charCodeAt(0)] = 1;
  for (const ch of CLOSE_BRACKETS) table[ch.charCodeAt(0)] = 2;
  return table;
})();

export const OPEN = 1;
export const CLOSE = 2;

/** OPEN, CLOSE or 0 for the character at `at` (no string is built for it). */
export function bracketKindAt(text: string, at: number): number {
  return BRACKET_KIND[text.charCodeAt(at)] ?? 0;
}

export function isOpenBracket(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && BRACKET_KIND[ch.charCodeAt(0)] === 1;
}

export function isCloseBracket(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && BRACKET_KIND[ch.charCodeAt(0)] === 2;
}

export interface ListPart {
  text: string;
  /** Offset of `text` inside the string that was split. */
  start: number;
  /** True when a ；/; (a segment break, stronger than 、 or ，) stands before this part. */
  afterSemicolon: boolean;
}

const LIST_SEPARATORS = new Set(['、', '，', ',', '；', ';', ' ', '\t', '\n', '\r', '\u3000', '\u00a0']);

const NO_EXTRA: ReadonlySet<string> = new Set();

/**
 * Splits at separators outside brackets, so 各县（市、区）卫生健康局 stays one part. `extra` adds separators
 * (table cells also use / and ／).
 */
export function splitList(s: string, extra: ReadonlySet<string> = NO_EXTRA): ListPart[] {
  return [...listParts(s, extra)];
}

/**
 * splitList one part at a time: a reader that rejects the list at its first part (most bracketed or
 * trailing text is prose, not a clause) never splits the rest.
 */
export function* listParts(
  s: string,
  extra: ReadonlySet<string> = NO_EXTRA,
): Generator<ListPart, void, undefined> {
  let depth = 0;
  let partStart = 0;
  let semicolon = false;
  for (let i = 0; i <= s.length; i += 1) {
    let nextSemicolon = false;
    if (i < s.length) {
      const kind = BRACKET_KIND[s.charCodeAt(i)];
      if (kind === 1) {
        depth += 1;
        continue;
      }
      if (kind === 2) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      if (depth > 0) continue;
      const ch = s.charAt(i);
      if (!LIST_SEPARATORS.has(ch) && !extra.has(ch)) continue;
      nextSemicolon = ch === '；' || ch === ';';
    }
    const raw = s.slice(partStart, i);
    const text = raw.trim();
    if (text.length > 0) {
      const part: ListPart = { text, start: partStart + raw.indexOf(text), afterSemicolon: semicolon };
      semicolon = nextSemicolon;
      partStart = i + 1;
      yield part;
    } else {
      semicolon = semicolon || nextSemicolon;
      partStart = i + 1;
    }
  }
}

// 医政医管科、疾控科等有关科室 names three units; the tail only says "and others".
/** ROLE_TAILS by their last character, in ROLE_TAILS order: a lookup tries only words that can end there. */
const ROLE_TAILS_BY_LAST: ReadonlyMap<string, readonly (readonly [string, PrintedRole])[]> = (() => {
  const map = new Map<string, (readonly [string, PrintedRole])[]>();
  for (const tail of ROLE_TAILS) {
    const last = tail[0].charAt(tail[0].length - 1);
    const list = map.get(last) ?? [];
    list.push(tail);
    map.set(last, list);
  }
  return map;
})();

function roleTailOf(name: string): readonly [string, PrintedRole] | undefined {
  return ROLE_TAILS_BY_LAST.get(name.charAt(name.length - 1))?.find(([word]) => name.endsWith(word));
}

// 等部门单位, 等有关科室单位: the kinds may stack.
const COLLECTIVE_TAIL = /^等(?:其他|其它)?(?:有关|相关|各)?(?:科室|处室|单位|部门|机构|医疗机构|医院){0,2}$/;

/**
 * The name without its 等 tail. No word of the tail holds 等, so a tail can only start at the last 等: the
 * pattern is tried there alone rather than at every position of every part.
 */
function withoutCollectiveTail(name: string): string {
  const at = name.lastIndexOf('等');
  return at >= 0 && COLLECTIVE_TAIL.test(name.slice(at)) ? name.slice(0, at) : name;
}

// 医政科为牵头单位, 中医科为配合单位: the role written as a predicate.
const PREDICATE_ROLE = new RegExp(
  `为(${alternation([...LEAD_WORDS, ...SUPPORT_WORDS, '责任'])})(?:单位|部门|科室|处室)$`,
);
// 市卫健委（牵头）: a role printed as a bracketed note.
const NOTE_ROLE = new RegExp(`[（(](${alternation([...LEAD_WORDS, ...SUPPORT_WORDS, '负责'])})[）)]$`);

const PREDICATE_END = new Set(['位', '门', '室']);
const NOTE_END = new Set(['）', ')']);

export interface CleanPart {
  name: string;
  role: PrintedRole;
  /** The role is a bracketed note on this name alone (医政科（牵头）), not a role word closing a run. */
  ownRole: boolean;
}

/** Strips role words and 等 tails from one list part. The role is the outermost role word printed. */
export function cleanPart(part: string): CleanPart {
  let name = part.trim();
  let role: PrintedRole = 'none';
  let ownRole = false;
  if (name.startsWith('由')) name = name.slice(1);
  // Bounded: every pass removes at least one character or stops.
  for (let pass = 0; pass < 4; pass += 1) {
    const before = name;
    const tail = roleTailOf(name);
    if (tail !== undefined) {
      name = name.slice(0, name.length - tail[0].length);
      if (role === 'none') role = tail[1];
    }
    name = withoutCollectiveTail(name).trim();
    if (name === before) break;
  }
  // 医政科为牵头单位, 中医科为配合单位: the role written as a predicate.
  // Both patterns below end in a closing character; most parts end in something else.
  const last = name.charAt(name.length - 1);
  const predicate = PREDICATE_END.has(last) ? PREDICATE_ROLE.exec(name) : null;
  if (predicate?.[1] !== undefined) {
    name = name.slice(0, name.length - predicate[0].length);
    if (role === 'none') role = roleOfWord(predicate[1]);
  }
  // A role printed as a bracketed note (市卫健委（牵头）) is a role word, not part of the name.
  const note = NOTE_END.has(name.charAt(name.length - 1)) ? NOTE_ROLE.exec(name) : null;
  if (note?.[1] !== undefined) {
    name = name.slice(0, name.length - note[0].length).trim();
    if (role === 'none') {
      role = roleOfWord(note[1]);
      ownRole = role !== 'none';
    }
  }
  return { name, role, ownRole };
}

/**
 * 医政科和中医科 is two units; 委直属和联系单位 is one collective. Split at 和/及/与 only where every piece is a
 * unit name by itself.
 */
export function splitConjunction(name: string, lenient: boolean): string[] {
  if (isUnitName(name, lenient) && !/[和及与]/.test(name)) return [name];
  const pieces = name.split(/以及|和|及|与/).map((piece) => piece.trim());
  if (pieces.length > 1 && pieces.every((piece) => isUnitName(piece, lenient))) return pieces;
  return [name];
}
