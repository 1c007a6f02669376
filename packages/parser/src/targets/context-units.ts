import type { UnitMatch } from './units.js';

/*
 * Units that are targets only in context. 岁, 级 and 成 name ages, grades and parts of names far more often
 * than amounts (3岁以下儿童, 二级以上医院, 建成), and a Latin word after a number is mostly a model (5G, 2型).
 * They are read as units only when a level or change word stands right before the number (人均预期寿命达到79.5岁,
 * 平均级别达到4级, 减少一成, 控制在40DDDs以下) and nothing but a comparison suffix follows before the clause
 * ends: a noun after them (65岁及以上老年人, 达到三级医院标准) makes the number a qualifier again.
 */

const CONTEXT_UNITS: readonly { unit: string; kind: UnitMatch['kind'] }[] = [
  { unit: '周岁', kind: 'weak' },
  { unit: '岁', kind: 'weak' },
  { unit: '级', kind: 'weak' },
  { unit: '成', kind: 'rate' },
];
const SUFFIXES = ['及以上', '及以下', '以上', '以下', '以内', '之内', '左右', '上下'];
const MAX_LATIN = 8;

function isLatin(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** True when the unit ending at `pos` closes its phrase: only a suffix, then punctuation or the end. */
function closesPhrase(text: string, pos: number, end: number): boolean {
  let p = pos;
  for (const s of SUFFIXES) {
    if (p + s.length <= end && text.startsWith(s, p)) {
      p += s.length;
      break;
    }
  }
  if (p >= end) return true;
  const ch = text[p] ?? '';
  return !/[\p{L}\p{N}]/u.test(ch);
}

/**
 * Reads a context unit right after a number ending at `pos`. `levelWordBefore` says whether a level or
 * change word (达到, 提高到, 控制在, 减少 …) stands right before the number; without one this returns null.
 */
export function readContextUnit(
  text: string,
  pos: number,
  end: number,
  levelWordBefore: boolean,
): UnitMatch | null {
  if (!levelWordBefore || pos >= end) return null;
  for (const u of CONTEXT_UNITS) {
    if (pos + u.unit.length <= end && text.startsWith(u.unit, pos)) {
      const e = pos + u.unit.length;
      return closesPhrase(text, e, end) ? { unit: u.unit, kind: u.kind, end: e } : null;
    }
  }
  let e = pos;
  while (e < end && e - pos < MAX_LATIN && isLatin(text.charCodeAt(e))) e++;
  // One letter is a grade or a model (A级, 5G); a word of letters is a unit (DDDs, mg, km).
  if (e - pos < 2 || (e < end && isLatin(text.charCodeAt(e)))) return null;
  return closesPhrase(text, e, end) ? { unit: text.slice(pos, e), kind: 'weak', end: e } : null;
}
