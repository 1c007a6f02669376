/** A number as printed in the text: Arabic (half- or full-width), Chinese, or 百分之/千分之/十万分之 X. */
export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** Written in Chinese numerals (两, 十五 …): such numbers are also words (一是, 三医), so they need more evidence. */
  chinese: boolean;
  /** Set for 百分之X / 千分之X / 十万分之X, which carry their own unit: the one their digit form prints. */
  impliedUnit: ImpliedUnit | null;
}

/** The unit a spoken-form rate stands for: 百分之九十 is 90%, 千分之三点五 3.5‰, 十万分之八 8/10万. */
export type ImpliedUnit = '%' | '‰' | '/10万';

/** Spoken-form rate prefixes by their denominator as printed, each with the unit its digit form uses. */
const FRACTION_PREFIXES: readonly (readonly [string, ImpliedUnit])[] = [
  ['十万分之', '/10万'],
  ['百分之', '%'],
  ['千分之', '‰'],
];

const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0],
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);
const CHINESE_SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);
const CHINESE_BIG_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 10_000],
  ['亿', 100_000_000],
]);

/** Longest Chinese numeral we read; longer runs are not quantities in this genre. */
const MAX_CHINESE_LEN = 12;
const MAX_DIGITS = 15;

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９'));
}

function digitValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 ? code - 0xff10 : code - 48;
}

const NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

/** Per UTF-16 code: 1 for a digit (half- or full-width), 2 for a Chinese numeral character. Built once, never written after. */
const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (let c = 0x30; c <= 0x39; c++) table[c] = 1;
  for (let c = 0xff10; c <= 0xff19; c++) table[c] = 1;
  for (const ch of NUMERAL_CHARS) table[ch.charCodeAt(0)] = 2;
  return table;
})();

/** True when the character at `code` may start a number (a digit or a Chinese numeral); the scan's fast path. */
export function mayStartNumber(code: number): boolean {
  return CHAR_CLASS[code] !== 0;
}

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && CHAR_CLASS[ch.charCodeAt(0)] === 2;
}

/** A Chinese numeral may only start with a digit or 十 (十五); 百/千/万 alone are words (百名专家, 千人口, 每万人口). */
function canStartChinese(ch: string | undefined): boolean {
  return ch !== undefined && (CHINESE_DIGITS.has(ch) || ch === '十') && ch !== '〇' && ch !== '零';
}

/** Value of a Chinese numeral string: 十五 → 15, 一百二十 → 120, 两万 → 20000, 二〇二四 → 2024. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  let positional = false;
  for (const ch of s) {
    if (!isChineseNumeralChar(ch)) return null;
    if (CHINESE_SMALL_UNITS.has(ch) || CHINESE_BIG_UNITS.has(ch)) positional = true;
  }
  if (!positional) {
    let v = 0;
    for (const ch of s) v = v * 10 + (CHINESE_DIGITS.get(ch) ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const d = CHINESE_DIGITS.get(ch);
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = CHINESE_SMALL_UNITS.get(ch);
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const big = CHINESE_BIG_UNITS.get(ch) ?? 1;
    section += digit ?? 0;
    total += (section === 0 ? 1 : section) * big;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

function readArabic(text: string, pos: number, end: number): NumberToken | null {
  let i = pos;
  let digits = '';
  while (i < end && isDigit(text[i]) && digits.length <= MAX_DIGITS) {
    digits += String(digitValue(text[i] ?? '0'));
    i++;
  }
  if (digits.length === 0) return null;
  // Thousands separators (4,000) — only exact groups of three, so "1,2" stays a list.
  while (
    i + 3 < end &&
    text[i] === ',' &&
    isDigit(text[i + 1]) &&
    isDigit(text[i + 2]) &&
    isDigit(text[i + 3]) &&
    !isDigit(text[i + 4]) &&
    digits.length <= MAX_DIGITS
  ) {
    digits += `${digitValue(text[i + 1] ?? '0')}${digitValue(text[i + 2] ?? '0')}${digitValue(text[i + 3] ?? '0')}`;
    i += 4;
  }
  let frac = '';
  if ((text[i] === '.' || text[i] === '．') && i + 1 < end && isDigit(text[i + 1])) {
    let j = i + 1;
    while (j < end && isDigit(text[j]) && frac.length <= MAX_DIGITS) {
      frac += String(digitValue(text[j] ?? '0'));
      j++;
    }
    i = j;
  }
  // Skip the rest of an over-long digit run so one call always consumes it whole.
  while (i < end && isDigit(text[i])) i++;
  const value = Number(frac.length > 0 ? `${digits}.${frac}` : digits);
  return { start: pos, end: i, value, chinese: false, impliedUnit: null };
}

function readChinese(text: string, pos: number, end: number): NumberToken | null {
  if (!canStartChinese(text[pos])) return null;
  let i = pos;
  while (i < end && i - pos < MAX_CHINESE_LEN && isChineseNumeralChar(text[i])) i++;
  // A trailing 万/亿 is usually a unit prefix (两万人 → 2 万人), and a trailing 千/百 a word (三千 is fine, but 五百强 rare);
  // keep 万/亿 out of the number so the unit reader sees them.
  let stop = i;
  while (stop > pos + 1 && CHINESE_BIG_UNITS.has(text[stop - 1] ?? '')) stop--;
  let value = parseChineseNumeral(text.slice(pos, stop));
  // 点 as a decimal point: 九十五点五
  let tokenEnd = stop;
  if (value !== null && stop === i && text[i] === '点' && CHINESE_DIGITS.has(text[i + 1] ?? '')) {
    let j = i + 1;
    let frac = '';
    while (j < end && j - i <= 6 && CHINESE_DIGITS.has(text[j] ?? '')) {
      frac += String(CHINESE_DIGITS.get(text[j] ?? '') ?? 0);
      j++;
    }
    value = Number(`${value}.${frac}`);
    tokenEnd = j;
  }
  if (value === null) return null;
  return { start: pos, end: tokenEnd, value, chinese: true, impliedUnit: null };
}

/** The spoken-form rate prefix (百分之, 千分之, 十万分之) at `pos`, or null. */
function fractionPrefixAt(text: string, pos: number, end: number): readonly [string, ImpliedUnit] | null {
  const ch = text[pos];
  if (ch !== '百' && ch !== '千' && ch !== '十') return null;
  for (const prefix of FRACTION_PREFIXES) {
    if (pos + prefix[0].length < end && text.startsWith(prefix[0], pos)) return prefix;
  }
  return null;
}

/**
 * Reads the number starting at `pos`, if any. 百分之九十, 千分之五 and 十万分之八 become 90 with "%", 5 with
 * "‰" and 8 with "/10万". Always consumes at least one character when it returns a token.
 */
export function readNumber(text: string, pos: number, end: number): NumberToken | null {
  const ch = text[pos];
  if (isDigit(ch)) return readArabic(text, pos, end);
  const fraction = fractionPrefixAt(text, pos, end);
  if (fraction !== null) {
    const at = pos + fraction[0].length;
    const inner = isDigit(text[at]) ? readArabic(text, at, end) : readChinese(text, at, end);
    if (inner === null) return null;
    return { ...inner, start: pos, impliedUnit: fraction[1] };
  }
  return readChinese(text, pos, end);
}
