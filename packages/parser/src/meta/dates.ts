import { chineseToInt } from '../structure/chinese-numerals.js';

const ARABIC = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/;
const CHINESE =
  /^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;
const CHINESE_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** 2021年4月1日, 2021-04-12 09:11:24, 2021/4/12, 二〇二一年四月一日 → YYYY-MM-DD; null when not a real date. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  const a = ARABIC.exec(s);
  if (a) return isoDate(Number(a[1]), Number(a[2]), Number(a[3]));
  const c = CHINESE.exec(s);
  if (c) {
    const year = Number(Array.from(c[1] ?? '', (ch) => CHINESE_DIGIT[ch] ?? '').join(''));
    const month = chineseToInt(c[2] ?? '');
    const day = chineseToInt(c[3] ?? '');
    if (month !== null && day !== null) return isoDate(year, month, day);
  }
  return null;
}

/** True when the whole line is a date (a signature date). */
export function isDateLine(line: string): boolean {
  const trimmed = line.trim();
  // At most one bracket goes from each end: a longer line is no date, and is not copied to find that out.
  if (trimmed.length > 22) return false;
  const s = trimmed.replace(/^[（(]|[）)]$/g, '');
  if (s.length > 20) return false;
  return /^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/.test(
    s,
  );
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1949 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
