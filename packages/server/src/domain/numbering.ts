/*
 * Sibling numbers follow their position in the numbering style of their list: 一 二 三, （一）（二）,
 * 1 2 3, ①②③. The style is read from the siblings' own numbers (the first that carries a numeral), so a
 * list printed 一、二、 stays Chinese and a list printed 1. 2. stays Arabic; prefixes and suffixes kept
 * with the number (（…）) are kept too.
 */

const DIGITS = '零一二三四五六七八九';
const CN_NUMERAL = '[零〇一二三四五六七八九十百两]+';
const NUMBER_SHAPE = new RegExp(`^(\\D*?)(${CN_NUMERAL}|\\d+|[\\u2460-\\u2473])(\\D*)$`);

type Kind = 'cn' | 'arabic' | 'circled';

export interface NumberingStyle {
  kind: Kind;
  prefix: string;
  suffix: string;
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 999). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n > 999 || !Number.isInteger(n)) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds > 0 ? `${DIGITS[hundreds] ?? ''}百` : '';
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? '' : (DIGITS[tens] ?? '')}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones] ?? '';
  return out;
}

/** The style a number is written in, or null when it carries no numeral (an added or split item). */
export function numberingStyleOf(number: string): NumberingStyle | null {
  const m = NUMBER_SHAPE.exec(number.trim());
  if (!m) return null;
  const numeral = m[2] ?? '';
  const kind: Kind = /^\d+$/.test(numeral) ? 'arabic' : /^[\u2460-\u2473]$/.test(numeral) ? 'circled' : 'cn';
  return { kind, prefix: m[1] ?? '', suffix: m[3] ?? '' };
}

export function formatNumber(style: NumberingStyle, ordinal: number): string {
  const numeral =
    style.kind === 'arabic'
      ? String(ordinal)
      : style.kind === 'circled' && ordinal <= 20
        ? String.fromCodePoint(0x2460 + ordinal - 1)
        : style.kind === 'circled'
          ? String(ordinal)
          : chineseNumeral(ordinal);
  return `${style.prefix}${numeral}${style.suffix}`;
}

/**
 * The numbers of a sibling list in order, renumbered by position in the list's style. A list where no
 * sibling carries a numeral keeps its numbers.
 */
export function renumberSiblings(numbers: readonly string[]): string[] {
  const style = numbers.map(numberingStyleOf).find((s) => s !== null);
  if (!style) return [...numbers];
  return numbers.map((_, i) => formatNumber(style, i + 1));
}
