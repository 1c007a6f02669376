import { CHINESE_NUMERAL_CHARS, chineseToInt, circledToInt } from './chinese-numerals.js';

/** A numbering style as printed; nesting is inferred from the order styles appear in, never from a ladder. */
export type MarkerStyle =
  | 'part' // 第一部分 / 第一章
  | 'part-section' // 第一节, under a chapter
  | 'cn' // 一、
  | 'cn-paren' // （一） (一)
  | 'cn-bracket' // 【一】 〔一〕 [一]
  | 'arabic-dot' // 1. 1．
  | 'arabic-comma' // 1、
  | 'arabic-paren' // （1） (1)
  | 'arabic-half-paren' // 1） 1)
  | 'circled' // ①
  | 'table-section'
  | 'table-row';

export interface Marker {
  style: MarkerStyle;
  /** As printed, without brackets or punctuation. */
  number: string;
  value: number;
  /** Length of the marker and the spaces after it, from the paragraph start. */
  length: number;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,4}`;
// Matched on the width-folded copy: （ ） ． ， ： are already ( ) . , :
const PATTERNS: readonly { style: MarkerStyle; re: RegExp }[] = [
  { style: 'part', re: new RegExp(`^第(${CN})(部分|章|篇)[\\s、.:,]*`) },
  { style: 'part-section', re: new RegExp(`^第(${CN})节[\\s、.:,]*`) },
  { style: 'cn', re: new RegExp(`^(${CN})[、.][\\s]*`) },
  { style: 'cn-paren', re: new RegExp(`^\\((${CN})\\)[\\s、.]*`) },
  { style: 'cn-bracket', re: new RegExp(`^[【〔\\[](${CN})[】〕\\]][\\s、.]*`) },
  // 1.2021年… is a numbered line; 1.5倍 is a number.
  { style: 'arabic-dot', re: /^(\d{1,3})\.(?!\d)(?![%‰])\s*|^(\d{1,2})\.(?=(19|20)\d\d年)/ },
  { style: 'arabic-comma', re: /^(\d{1,3})、\s*/ },
  { style: 'arabic-paren', re: /^\((\d{1,3})\)[\s、.]*/ },
  { style: 'arabic-half-paren', re: /^(\d{1,3})\)\s*/ },
  { style: 'circled', re: /^([\u2460-\u2473])[\s、.]*/ },
];

/** The numbering marker a paragraph starts with, read from the width-folded copy, or null. */
export function readMarker(folded: string): Marker | null {
  for (const { style, re } of PATTERNS) {
    const m = re.exec(folded);
    if (!m) continue;
    const number = m[1] ?? m[2] ?? '';
    const value = numberValue(style, number);
    if (value === null) continue;
    const length = m[0].length;
    return { style, number, value, length };
  }
  return null;
}

function numberValue(style: MarkerStyle, number: string): number | null {
  if (style === 'circled') return circledToInt(number);
  if (/^\d+$/.test(number)) return Number(number);
  const n = chineseToInt(number);
  return n === null || n === 0 ? null : n;
}
