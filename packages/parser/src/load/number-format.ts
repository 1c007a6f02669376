const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CN_UNITS = ['', '十', '百', '千'];
const CN_LEGAL_UNITS = ['', '拾', '佰', '仟'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/** 0 < n < 10000 in Chinese counting: 十一, 二十, 一百零五; 10–19 drop the leading 一 as Word does. */
function chineseBelowTenThousand(
  n: number,
  digits: readonly string[],
  units: readonly string[],
  dropLeadingOne: boolean,
): string {
  const parts: string[] = [];
  const str = String(n);
  let pendingZero = false;
  for (let i = 0; i < str.length; i++) {
    const d = Number(str[i]);
    const unit = units[str.length - 1 - i] ?? '';
    if (d === 0) {
      pendingZero = parts.length > 0;
      continue;
    }
    if (pendingZero) {
      parts.push(digits[0] ?? '');
      pendingZero = false;
    }
    const skipOne = dropLeadingOne && i === 0 && d === 1 && str.length === 2;
    parts.push((skipOne ? '' : (digits[d] ?? '')) + unit);
  }
  return parts.join('');
}

/** Chinese counting up to 99,999,999 (beyond that, Arabic digits: no plan numbers that far). */
export function chineseCounting(n: number, legal = false): string {
  const digits = legal ? CN_LEGAL_DIGITS : CN_DIGITS;
  const units = legal ? CN_LEGAL_UNITS : CN_UNITS;
  if (n === 0) return digits[0] ?? '零';
  if (n < 0 || n >= 100_000_000 || !Number.isInteger(n)) return String(n);
  if (n < 10_000) return chineseBelowTenThousand(n, digits, units, !legal);
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  const head = chineseBelowTenThousand(high, digits, units, !legal) + '万';
  if (low === 0) return head;
  return head + (low < 1000 ? (digits[0] ?? '') : '') + chineseBelowTenThousand(low, digits, units, false);
}

/** A, B, … Z, AA, BB … (Word repeats the letter rather than counting in base 26). */
function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return upper ? out : out.toLowerCase();
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

function fullWidth(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

function cyclic(n: number, symbols: readonly string[]): string {
  return n >= 1 ? (symbols[(n - 1) % symbols.length] ?? String(n)) : String(n);
}

/** Formats a counter value in a w:numFmt; unknown formats fall back to decimal, as Word does. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n, true);
    case 'lowerRoman':
      return roman(n, false);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/[0-9]/g, (d) => (d === '0' ? '〇' : (CN_DIGITS[Number(d)] ?? d)));
    case 'ideographTraditional':
      return cyclic(n, HEAVENLY_STEMS);
    case 'ideographZodiac':
      return cyclic(n, EARTHLY_BRANCHES);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return circled(n);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(n);
    default:
      return String(n);
  }
}
