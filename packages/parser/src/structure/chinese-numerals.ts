const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export const CHINESE_NUMERAL_CHARS = '〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟';

/** 一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105; null when the string is not a numeral. */
export function chineseToInt(numeral: string): number | null {
  if (numeral.length === 0 || numeral.length > 12) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of numeral) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const m = MULTIPLIERS[ch];
    if (m === undefined) return null;
    total += (digit ?? 1) * m;
    digit = null;
  }
  return total + (digit ?? 0);
}

const CIRCLED_FIRST = 0x2460; // ①
const CIRCLED_LAST = 0x2473; // ⑳

export function circledToInt(ch: string): number | null {
  const code = ch.charCodeAt(0);
  return code >= CIRCLED_FIRST && code <= CIRCLED_LAST ? code - CIRCLED_FIRST + 1 : null;
}
