/**
 * Locating the responsibility clauses of one item inside its own text. Candidates, by shape:
 * a bracketed unit list at the end of the item (or at the end of one of its lines, if it prints a role
 * word); the item's last sentence or line when it is a bare clause (医政科牵头，中医科配合); a labelled clause
 * (牵头单位：…；配合单位：…) anywhere; 由X负责 / 由X牵头. The candidate that ends last is THE clause.
 *
 * An item that does two things may print a clause after each (…150张（规划股牵头，县医院配合）；…比例达到4%
 * （医政股牵头）。). Every one of them is the item's own clause, so the item's units are their union: the
 * bracketed clauses before THE clause that print a role word or a label and close a sentence (；。 or a line
 * end) are read too. A bracket in mid-sentence (制度（医政科牵头），完善…) or without a role word stays prose.
 */

import type { Span } from '../plan.js';
import { UNIT_LABEL_ANYWHERE_SOURCE, isDeadline, parseClauseContent, type ParsedClause } from './clause.js';
import type { Responsibility } from './responsibility.js';
import { NO_CONVENTION, type RoleConvention } from './role-convention.js';
import { CLOSE, OPEN, bracketKindAt, isCloseBracket, isOpenBracket } from './unit-list.js';

/** A clause is short; anything longer inside brackets is prose. */
const MAX_CLAUSE = 400;
/** How many adjacent bracket groups at a line end are tried (…。（医政科牵头）（年底前）). */
const MAX_TRAILING_GROUPS = 3;
/** Clauses tried per kind, from the end: a real item has a handful; this bounds repetitive input. */
const MAX_ATTEMPTS = 200;

/** A set of characters as a table by UTF-16 code: the scans below test every character they pass. */
function codeTable(chars: readonly string[]): Uint8Array {
  const table = new Uint8Array(65536);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

const TRAILING_NOISE = codeTable([
  '\n',
  '。',
  '．',
  '.',
  '；',
  ';',
  '，',
  ',',
  '、',
  '！',
  '!',
  ' ',
  '\t',
  '\r',
  '\u3000',
]);
// Before a clause that prints no role word there must be a sentence break: 传染病医院（安庆市…医院）
// is a parenthetical note, …工作。（医政科、中医科） is a clause.
const SENTENCE_BREAK = codeTable(['。', '．', '；', ';', '！', '!', '？', '?', '\n']);
const SENTENCE_STOP = codeTable(['。', '！', '!', '？', '?', '\n']);
const INLINE_SPACE = codeTable([' ', '\t', '\u3000']);
const SEMICOLON = codeTable(['；', ';']);
const NEWLINE = 10;

interface Candidate {
  clause: ParsedClause;
  span: Span;
}

/** Index of the bracket that opens the group closed at `close`, or -1 (bounded look-back). */
function matchOpen(text: string, close: number, floor: number): number {
  let depth = 1;
  const limit = Math.max(floor, close - MAX_CLAUSE);
  for (let i = close - 1; i >= limit; i -= 1) {
    const kind = bracketKindAt(text, i);
    if (kind === CLOSE) depth += 1;
    else if (kind === OPEN) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function skipBack(text: string, from: number, floor: number, skip: Uint8Array): number {
  let i = from;
  const limit = Math.max(floor, from - 40);
  while (i > limit && skip[text.charCodeAt(i - 1)] === 1) i -= 1;
  return i;
}

function precededByBreak(text: string, open: number, floor: number): boolean {
  let i = open;
  const limit = Math.max(floor, open - 20);
  while (i > limit && INLINE_SPACE[text.charCodeAt(i - 1)] === 1) i -= 1;
  return i <= floor || SENTENCE_BREAK[text.charCodeAt(i - 1)] === 1;
}

const DEADLINE_FIELD = /^[\s。；;，,]{0,3}(?:完成)?(?:时限|时间|期限)(?:节点|要求)?\s{0,2}[:：]/;

/** …（医政科牵头）完成时限：2024年12月 — the clause ends the line but for a deadline after it. */
function beforeDeadlineTail(text: string, end: number, floor: number): number {
  if (end <= floor || bracketKindAt(text, end - 1) === CLOSE) return end;
  const limit = Math.max(floor, end - 40);
  for (let i = end - 1; i >= limit; i -= 1) {
    if (text.charCodeAt(i) === NEWLINE) return end;
    if (bracketKindAt(text, i) === CLOSE) {
      const tail = text.slice(i + 1, end);
      const bare = tail.replace(/^[\s。；;，,]{0,3}/, '');
      return DEADLINE_FIELD.test(tail) || isDeadline(bare) ? i + 1 : end;
    }
  }
  return end;
}

/** Bracketed clauses standing at `lineEnd` (exclusive); `last` = the end of the item's text. */
function bracketsAtLineEnd(
  text: string,
  lineEnd: number,
  floor: number,
  last: boolean,
  convention: RoleConvention,
): Candidate | null {
  let end = beforeDeadlineTail(text, skipBack(text, lineEnd, floor, TRAILING_NOISE), floor);
  for (let group = 0; group < MAX_TRAILING_GROUPS; group += 1) {
    if (end <= floor || bracketKindAt(text, end - 1) !== CLOSE) return null;
    const open = matchOpen(text, end - 1, floor);
    if (open < 0) return null;
    const clause = parseClauseContent(text.slice(open + 1, end - 1), convention);
    if (clause !== null && (clause.explicit || (last && precededByBreak(text, open, floor)))) {
      return { clause, span: { start: open, end } };
    }
    end = skipBack(text, open, floor, TRAILING_NOISE);
  }
  return null;
}

/** The last line (before the item's last) that ends in a bracketed clause printing a role word. */
function lastClauseAtLineEnd(
  text: string,
  floor: number,
  ceiling: number,
  convention: RoleConvention,
): Candidate | null {
  let attempts = 0;
  for (
    let nl = text.lastIndexOf('\n', ceiling - 1);
    nl > floor && attempts < MAX_ATTEMPTS;
    nl = text.lastIndexOf('\n', nl - 1)
  ) {
    const end = beforeDeadlineTail(text, skipBack(text, nl, floor, TRAILING_NOISE), floor);
    if (bracketKindAt(text, end - 1) !== CLOSE) continue;
    attempts += 1;
    const found = bracketsAtLineEnd(text, nl, floor, false, convention);
    if (found !== null) return found;
  }
  return null;
}

/** The item's last sentence or line, when it is a bare clause (it prints a role word or a label, or is a
 * line of its own listing several units). */
function lastSentence(
  text: string,
  floor: number,
  ceiling: number,
  convention: RoleConvention,
): Candidate | null {
  const end = skipBack(text, ceiling, floor, TRAILING_NOISE);
  let start = end;
  const limit = Math.max(floor, end - MAX_CLAUSE);
  while (start > limit && SENTENCE_STOP[text.charCodeAt(start - 1)] !== 1) start -= 1;
  if (start > floor && SENTENCE_STOP[text.charCodeAt(start - 1)] !== 1) return null;
  const raw = text.slice(start, end);
  const trimmed = raw.trimStart();
  if (trimmed.length === 0) return null;
  const clause = parseClauseContent(trimmed, convention);
  if (clause === null) return null;
  // Without a role word only a line of its own listing several units reads as a clause; a lone name on
  // the last line is more often a signature.
  const ownLine = start > floor && text.charAt(start - 1) === '\n';
  if (!clause.explicit && !(ownLine && clause.units.length >= 2)) return null;
  return { clause, span: { start: start + raw.length - trimmed.length, end } };
}

const LABEL_AT_START = /^\s{0,3}[^:：。，,；;\n]{1,10}[:：]/;
const UNIT_LABEL_ANYWHERE = new RegExp(UNIT_LABEL_ANYWHERE_SOURCE, 'g');
const COLON = ':'.charCodeAt(0);
const WIDE_COLON = '：'.charCodeAt(0);

function hasColon(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON || code === WIDE_COLON) return true;
  }
  return false;
}

/**
 * The last labelled clause (牵头单位：A；配合单位：B) of the item. Groups are delimited forwards (cheap, linear)
 * and read backwards, so only the groups after the winning one are parsed.
 */
function lastLabelledClause(
  text: string,
  floor: number,
  ceiling: number,
  convention: RoleConvention,
): Candidate | null {
  // Every label ends in a colon: an item that prints none has no labelled clause.
  if (!hasColon(text, floor, ceiling)) return null;
  const groups: number[] = [];
  const body = text.slice(floor, ceiling);
  const labels = UNIT_LABEL_ANYWHERE;
  labels.lastIndex = 0;
  for (let m = labels.exec(body); m !== null; m = labels.exec(body)) {
    const end = labelGroupEnd(body, m.index);
    groups.push(m.index, end);
    labels.lastIndex = Math.max(end, m.index + 1);
  }
  const stopAt = Math.max(0, groups.length - 2 * MAX_ATTEMPTS);
  for (let g = groups.length - 2; g >= stopAt; g -= 2) {
    const start = groups[g] ?? 0;
    const end = groups[g + 1] ?? start;
    const clause = parseClauseContent(body.slice(start, end).trimEnd(), convention);
    if (clause !== null) {
      return { clause, span: widenToBrackets(text, floor + start, floor + end, floor, ceiling) };
    }
  }
  return null;
}

/**
 * Where a labelled clause ends: at a sentence stop, at an unmatched closing bracket, or at a ； or a line
 * break that is not followed by another label (配合单位：, 完成时限：).
 */
function labelGroupEnd(body: string, start: number): number {
  const limit = Math.min(body.length, start + MAX_CLAUSE);
  let depth = 0;
  for (let i = start; i < limit; i += 1) {
    const kind = bracketKindAt(body, i);
    const code = body.charCodeAt(i);
    if (kind === OPEN) depth += 1;
    else if (kind === CLOSE) {
      if (depth === 0) return i;
      depth -= 1;
    } else if (code === NEWLINE || SEMICOLON[code] === 1) {
      // 牵头单位：A；配合单位：B — also one label per line.
      if (!LABEL_AT_START.test(body.slice(i + 1, i + 16))) return i;
    } else if (SENTENCE_STOP[code] === 1) return i;
  }
  return limit;
}

/** Includes the brackets when they enclose nothing but the clause: （牵头单位：A）. */
function widenToBrackets(text: string, start: number, end: number, floor: number, ceiling: number): Span {
  let before = start;
  while (before > floor && /\s/.test(text.charAt(before - 1))) before -= 1;
  let after = end;
  while (after < ceiling && /[\s。；;]/.test(text.charAt(after)) && after - end < 4) after += 1;
  if (before > floor && isOpenBracket(text.charAt(before - 1)) && after < ceiling) {
    let close = end;
    while (close < ceiling && /\s/.test(text.charAt(close))) close += 1;
    if (isCloseBracket(text.charAt(close))) return { start: before - 1, end: close + 1 };
  }
  return { start, end };
}

const ROLE_AFTER_BY = /牵头负责|牵头|负责/;
const BY_CODE = '由'.charCodeAt(0);

/**
 * The last 由X负责 / 由X牵头(，Y配合) of the item, X a unit list on its own. Searched from the end: only the
 * last one can win, and stopping there keeps repetitive input linear.
 */
function lastByClause(
  text: string,
  floor: number,
  ceiling: number,
  convention: RoleConvention,
): Candidate | null {
  let attempts = 0;
  // A backwards scan that stops at `floor`: text.lastIndexOf would run on past the item, through the whole
  // document before it, whenever the item prints no 由 (quadratic over a long plan).
  for (let at = ceiling - 1; at >= floor && attempts < MAX_ATTEMPTS; at -= 1) {
    if (text.charCodeAt(at) !== BY_CODE) continue;
    // 由于, 自由, 理由 are words, not "by".
    if (text.charAt(at + 1) === '于' || (at > floor && /[自理缘经事]/.test(text.charAt(at - 1)))) continue;
    let stop = at + 1;
    const limit = Math.min(ceiling, at + 120);
    while (stop < limit && SENTENCE_STOP[text.charCodeAt(stop)] !== 1 && text.charAt(stop) !== '；')
      stop += 1;
    const window = text.slice(at + 1, stop);
    const role = ROLE_AFTER_BY.exec(window);
    if (role === null || role.index === 0) continue;
    attempts += 1;
    const clause = longestClausePrefix(window, role.index + role[0].length, convention);
    if (clause !== null) return { clause: clause.clause, span: { start: at, end: at + 1 + clause.length } };
  }
  return null;
}

/**
 * After 由: the longest run of list parts that still reads as a clause (由疾控科牵头，卫生监督所配合，开展…
 * → 疾控科牵头，卫生监督所配合). The first role word must end its part, unless a verb follows it
 * (由X负责组织实施), in which case the clause stops at the role word.
 */
function longestClausePrefix(
  window: string,
  roleEnd: number,
  convention: RoleConvention,
): { clause: ParsedClause; length: number } | null {
  const ends: number[] = [];
  let depth = 0;
  for (let i = roleEnd; i < window.length && ends.length < 12; i += 1) {
    const ch = window.charAt(i);
    if (isOpenBracket(ch)) depth += 1;
    else if (isCloseBracket(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[，,、\s]/.test(ch)) ends.push(i);
  }
  ends.push(window.length);
  if (ends[0] === roleEnd || ends.length === 1) {
    for (let k = ends.length - 1; k >= 0; k -= 1) {
      const end = ends[k] ?? roleEnd;
      const clause = parseClauseContent(window.slice(0, end), convention);
      if (clause?.explicit === true) return { clause, length: end };
    }
  }
  if (/^(?:组织|实施|落实|推进|开展|指导|统筹|协调|做好)/.test(window.slice(roleEnd))) {
    const clause = parseClauseContent(window.slice(0, roleEnd), convention);
    if (clause?.explicit === true) return { clause, length: roleEnd };
  }
  return null;
}

function clampSpan(text: string, span: Span): Span | null {
  const start = Math.max(0, Math.min(text.length, Math.floor(span.start)));
  const end = Math.max(0, Math.min(text.length, Math.floor(span.end)));
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}

/**
 * Finds the responsibility of one item's own text (`span`: the item's text without its numbering marker):
 * THE clause that ends last, together with the earlier role-printing clauses that close a sentence (see the
 * file comment); the returned `span` is THE clause's. Returns null when the item prints none; it never
 * looks outside `span` (no inheritance).
 * `convention` is how the document says role-less lists read (readRoleConvention); by default none.
 */
export function findResponsibility(
  text: string,
  span: Span,
  convention: RoleConvention = NO_CONVENTION,
): Responsibility | null {
  const range = clampSpan(text, span);
  if (range === null) return null;
  const { start: floor, end: ceiling } = range;

  const trailing = bracketsAtLineEnd(text, ceiling, floor, true, convention);
  const candidates: Candidate[] = trailing === null ? [] : [trailing];
  if (trailing === null) {
    const sentence = lastSentence(text, floor, ceiling, convention);
    if (sentence !== null) candidates.push(sentence);
    const atLine = lastClauseAtLineEnd(text, floor, ceiling, convention);
    if (atLine !== null) candidates.push(atLine);
    const labelled = lastLabelledClause(text, floor, ceiling, convention);
    if (labelled !== null) candidates.push(labelled);
    const by = lastByClause(text, floor, ceiling, convention);
    if (by !== null) candidates.push(by);
  }
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (
      best === undefined ||
      candidate.span.end > best.span.end ||
      (candidate.span.end === best.span.end && candidate.span.start < best.span.start)
    ) {
      best = candidate;
    }
  }
  if (best === undefined) return null;
  const clauses = [...earlierClauses(text, floor, best.span.start, convention), best.clause];
  return { ...unionOf(clauses), span: best.span };
}

/**
 * Bracketed clauses in [floor, before) that print a role word or a label and close a sentence, in printed
 * order. One forward pass over the closing brackets; each tried group is bounded by MAX_CLAUSE.
 */
function earlierClauses(
  text: string,
  floor: number,
  before: number,
  convention: RoleConvention,
): ParsedClause[] {
  const found: ParsedClause[] = [];
  let attempts = 0;
  let from = floor;
  for (let close = floor; close < before && attempts < MAX_ATTEMPTS; close += 1) {
    if (bracketKindAt(text, close) !== CLOSE) continue;
    let next = close + 1;
    while (next < before && INLINE_SPACE[text.charCodeAt(next)] === 1) next += 1;
    if (!(next >= before || SENTENCE_BREAK[text.charCodeAt(next)] === 1)) continue;
    // Groups never overlap: a clause already read (or the text before it) is not a floor to match into.
    const open = matchOpen(text, close, from);
    if (open < 0) continue;
    attempts += 1;
    const clause = parseClauseContent(text.slice(open + 1, close), convention);
    if (clause?.explicit !== true) continue;
    found.push(clause);
    from = close + 1;
  }
  return found;
}

/**
 * Several clauses of one item read as one: every name once in printed order; a unit that leads in any
 * clause leads, a unit that supports in one (and leads in none) supports, and a unit named only in a
 * units-only clause (（办公室负责）) has no role.
 */
function unionOf(clauses: readonly ParsedClause[]): Omit<Responsibility, 'span'> {
  if (clauses.length === 1 && clauses[0] !== undefined) {
    const { units, lead, support } = clauses[0];
    return { units, lead, support };
  }
  const units: string[] = [];
  const leads = new Set<string>();
  const supports = new Set<string>();
  for (const clause of clauses) {
    for (const name of clause.units) if (!units.includes(name)) units.push(name);
    for (const name of clause.lead) leads.add(name);
    for (const name of clause.support) supports.add(name);
  }
  return {
    units,
    lead: units.filter((name) => leads.has(name)),
    support: units.filter((name) => supports.has(name) && !leads.has(name)),
  };
}
