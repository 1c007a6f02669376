/**
 * What a printed unit name looks like. Plans name their departments and agencies freely, so a name is
 * recognised by its shape (an organisational suffix such as 科, 办, 中心, 局) and never by a list of names.
 */

import { COLLECTIVE_SUFFIXES, REGION_SUFFIXES, UNIT_SUFFIXES } from '../lexicon.js';

// A parenthetical that starts with a verb or a qualifier is prose, however it ends (加快建设…医院). Only
// words that do not begin real names: 组织人事科, 建设局, 新建区, 含山县, 如东县 must stay names.
const NOT_A_NAME_START =
  /^(?:包括|包含|其中|以及|和|及|与|或|加强|推进|推动|建立|支持|开展|完善|提升|提高|加快|落实|实施|深化|做好|督促|负责|牵头|配合|争创|创建|打造|成立|设立|依托|通过|按照|根据)/;

// Sentence punctuation or quotes never occur inside a printed unit name.
const NOT_IN_NAME = /[。！？!?：:；;，,、“”"‘’《》\s]/;

/** UNIT_SUFFIXES by their last character, each list in UNIT_SUFFIXES order (longest first). */
const SUFFIXES_BY_LAST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const suffix of UNIT_SUFFIXES) {
    const last = suffix.charAt(suffix.length - 1);
    const list = map.get(last) ?? [];
    list.push(suffix);
    map.set(last, list);
  }
  return map;
})();

/** The organisational suffix the name ends with (longest match), or null. */
export function unitSuffix(name: string): string | null {
  const suffixes = SUFFIXES_BY_LAST.get(name.charAt(name.length - 1));
  if (suffixes === undefined) return null;
  for (const suffix of suffixes) {
    if (name.length > suffix.length && name.endsWith(suffix)) return suffix;
  }
  return null;
}

/** True for collective names (各县市区卫生健康局, 委机关各有关科室, 委直属单位): they stand for many units. */
export function isCollectiveName(name: string): boolean {
  if (name.includes('各') || name.includes('有关') || name.includes('相关')) return true;
  return COLLECTIVE_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

function bracketsBalanced(name: string): boolean {
  let depth = 0;
  for (const ch of name) {
    if (ch === '（' || ch === '(') depth += 1;
    else if (ch === '）' || ch === ')') {
      depth -= 1;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

/**
 * Does this look like one printed unit name? `lenient` also admits place names (南昌县, 东湖区), which are
 * responsible parties only where the clause itself prints a role word.
 */
export function isUnitName(name: string, lenient = false): boolean {
  if (name.length < 2 || name.length > 30) return false;
  // 各县（市、区）卫生健康局: punctuation inside brackets belongs to the name.
  const outside =
    name.includes('（') || name.includes('(') ? name.replace(/[（(][^（()）]{0,12}[）)]/g, '') : name;
  if (NOT_IN_NAME.test(outside) || NOT_A_NAME_START.test(name)) return false;
  // 由 ("by") inside a name means a sentence was read as one (此项工作由疾控处); only 自由 is a word in names.
  if (name.includes('由') && name.replaceAll('自由', '').includes('由')) return false;
  if (!bracketsBalanced(name)) return false;
  // 各街道（园区）, 县医院（含分院）: a bracketed note at the end qualifies the name; its suffix stands before it.
  const core = name.endsWith('）') || name.endsWith(')') ? withoutTrailingNote(name) : name;
  if (unitSuffix(core) !== null) return true;
  const region = REGION_SUFFIXES.find((suffix) => core.endsWith(suffix) && core.length > suffix.length);
  if (region === undefined) return false;
  return core.startsWith('各') || (lenient && core.length >= 3);
}

const TRAILING_NOTE = /[（(][^（()）]{1,12}[）)]$/;

function withoutTrailingNote(name: string): string {
  const m = TRAILING_NOTE.exec(name);
  return m === null ? name : name.slice(0, m.index);
}
