/**
 * Linking printed abbreviations to printed full names (规信科 ↔ 规划信息科), from the document alone.
 *
 * A short form S abbreviates a full name F when: S and F end in the same organisational suffix (科, 办,
 * 中心 …; 委 also stands for 委员会, 办 for 办公室); S starts with F's first character; S's other characters
 * appear in F's body in order; S is at least two characters shorter (市中医院 is not short for 市中心医院),
 * is not a contiguous piece of F (市中心医院 is not short for 市中心医院分院), and keeps at least a third of
 * F's length. Collective names (委机关各科室, 委直属有关单位) are never linked: 委机关各科室 and
 * 委机关各有关科室 are different sets of units. When S fits several full names it is ambiguous and no alias
 * is returned for it.
 */

import type { Alias } from '../plan.js';
import { isCollectiveName, isUnitName, unitSuffix } from './unit-name.js';

const MAX_NAMES = 2000;
const MAX_NAME_LENGTH = 30;

interface FullName {
  name: string;
  /** The suffixes a short form may end with: F's own, and for 办公室/委员会 also 办/委 (市卫健委). */
  suffixes: string[];
  /** F without its suffix: S's own body must be a subsequence of it. */
  body: string;
}

/**
 * A department printed with its parent's full name (市卫生健康委员会疾病预防控制处, 县人民政府办公室) also prints
 * the parent, which the document may abbreviate elsewhere (市卫健委): the parent is a full name too.
 */
const PARENT_PREFIX = /^(.{2,12}?(?:委员会|人民政府))(.{2,})$/u;

function withParents(unitNames: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of unitNames.slice(0, MAX_NAMES)) {
    out.push(name);
    const m = PARENT_PREFIX.exec(name);
    if (m?.[1] !== undefined && m[2] !== undefined && isUnitName(m[2])) out.push(m[1]);
  }
  return out;
}

function fullNames(unitNames: readonly string[]): FullName[] {
  const seen = new Set<string>();
  const names: FullName[] = [];
  for (const name of withParents(unitNames).slice(0, MAX_NAMES)) {
    if (seen.has(name) || name.length > MAX_NAME_LENGTH || isCollectiveName(name)) continue;
    seen.add(name);
    const suffix = unitSuffix(name);
    // A full name has something to abbreviate: at least three characters before its suffix.
    if (suffix === null || name.length - suffix.length < 3) continue;
    const suffixes = suffix.length >= 3 ? [suffix, suffix.charAt(0)] : [suffix];
    names.push({ name, suffixes, body: name.slice(0, name.length - suffix.length) });
  }
  return names;
}

/**
 * Every string S printed in `source` (as a substring) that abbreviates `full`; found by walking the
 * characters after each occurrence of F's first character while they keep matching F's body in order.
 */
function shortFormsIn(source: string, full: FullName, out: Set<string>): void {
  const first = full.name.charAt(0);
  for (let i = source.indexOf(first); i >= 0; i = source.indexOf(first, i + 1)) {
    shortFormsAt(source, i, full, out);
  }
}

/** shortFormsIn for the occurrences of F's first character already listed in `positions` (ascending). */
function shortFormsAtEach(
  source: string,
  positions: readonly number[],
  full: FullName,
  out: Set<string>,
): void {
  for (const i of positions) shortFormsAt(source, i, full, out);
}

/**
 * Where each full name's first character stands in `text`, searched once per distinct character: many
 * full names share one (市…, 县…), and the text is long.
 */
function positionsOf(text: string, fulls: readonly FullName[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  for (const full of fulls) {
    const first = full.name.charAt(0);
    if (positions.has(first)) continue;
    const list: number[] = [];
    for (let i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) list.push(i);
    positions.set(first, list);
  }
  return positions;
}

/** The short forms of F that start at `i` in `source` (where F's first character stands). */
function shortFormsAt(source: string, i: number, full: FullName, out: Set<string>): void {
  let p = 1;
  // Bounded by the body's length: each step consumes one character of F's body or stops.
  for (let j = i + 1; j - i < full.name.length; j += 1) {
    const bodyLength = j - i;
    if (bodyLength >= 2) {
      for (const suffix of full.suffixes) {
        if (source.startsWith(suffix, j)) out.add(source.slice(i, j + suffix.length));
      }
    }
    const next = full.body.indexOf(source.charAt(j), p);
    if (next < 0) break;
    p = next + 1;
  }
}

function abbreviates(short: string, full: FullName): boolean {
  return (
    short.length + 2 <= full.name.length &&
    !full.name.includes(short) &&
    short.length * 3 >= full.name.length &&
    !isCollectiveName(short) &&
    isUnitName(short)
  );
}

/**
 * Links abbreviations to full names where both are printed in this document. `unitNames` are the units
 * read from clauses and tables; the short form may also be a name used only in the running text.
 * Returned in the order of `unitNames` (full name), then of first discovery.
 */
export function findAliases(unitNames: readonly string[], text: string): Alias[] {
  const fulls = fullNames(unitNames);
  const candidates = new Map<string, string[]>();
  const sources = [...new Set(unitNames.slice(0, MAX_NAMES))];
  const positions = positionsOf(text, fulls);
  for (const full of fulls) {
    const shorts = new Set<string>();
    shortFormsAtEach(text, positions.get(full.name.charAt(0)) ?? [], full, shorts);
    for (const source of sources) shortFormsIn(source, full, shorts);
    for (const short of shorts) {
      if (!abbreviates(short, full)) continue;
      const fits = candidates.get(short) ?? [];
      if (!fits.includes(full.name)) fits.push(full.name);
      candidates.set(short, fits);
    }
  }
  const aliases: Alias[] = [];
  for (const full of fulls) {
    for (const [short, fits] of candidates) {
      // A short form that fits two printed full names says nothing certain about either.
      if (fits.length === 1 && fits[0] === full.name) aliases.push({ short, full: full.name });
    }
  }
  return aliases;
}
