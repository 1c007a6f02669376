/**
 * How strongly a unit marks a commitment:
 * - `rate` (%, ‰, 个百分点, 倍, /10万) and `money` (元, 万元) are targets wherever they are not excluded;
 * - `count` (个, 家, 名 …) is a target when written in Arabic digits; Chinese-numeral counts need a verb (新增两家);
 * - `weak` (天, 次, 小时 …) needs an op or commitment verb right before it, or 365天 and 每年一次 would count.
 */
export type UnitKind = 'rate' | 'money' | 'count' | 'weak';

export interface UnitMatch {
  unit: string;
  kind: UnitKind;
  /** End of the unit in the text (exclusive). */
  end: number;
}

const RATE_UNITS = ['个百分点', '百分点', '%', '％', '‰', '倍'];
const PER_POPULATION = ['10万', '十万', '10000', '100000', '1000', '万', '千', '百'];
const WEAK_UNITS = ['个工作日', '个月', '人次', '小时', '分钟', '天', '次', '期', '轮', '批', '类', '分'];
const COUNT_UNITS = [
  '平方米',
  '剂次',
  '个',
  '家',
  '所',
  '名',
  '张',
  '人',
  '位',
  '户',
  '项',
  '种',
  '床',
  '村',
  '台',
  '辆',
  '支',
  '套',
  '例',
  '份',
  '场',
  '处',
  '座',
  '条',
  '间',
  '亩',
  '平米',
  '公里',
  '吨',
  '件',
  '册',
  '组',
  '队',
  '篇',
  '剂',
  '管',
  '颗',
];
const SLASH_PERIODS = ['小时', '日', '天', '年', '月', '周', 'h'];
/** Magnitude prefixes that belong to the unit as printed: 6万管/日, 3亿元, 10万人. */
const MAGNITUDES = ['万', '亿', '千'];

function startsWithAt(text: string, pos: number, end: number, word: string): boolean {
  return pos + word.length <= end && text.startsWith(word, pos);
}

function firstAt(text: string, pos: number, end: number, words: readonly string[]): string | null {
  for (const w of words) if (startsWithAt(text, pos, end, w)) return w;
  return null;
}

/** What a compound unit is counted per (6万元/床, 3.2人/千人, 4张/千人口): a period, or a count of things. */
const PER_THINGS = ['人口', ...COUNT_UNITS];
const PER_MAGNITUDES = ['10万', '十万', '1000', '万', '千', '百'];

/** The end of a `/period` or `/[magnitude]thing` printed right after a unit, or `pos` when there is none. */
function withSlashPeriod(text: string, pos: number, end: number): number {
  const slash = text[pos];
  if (slash !== '/' && slash !== '／') return pos;
  const period = firstAt(text, pos + 1, end, SLASH_PERIODS);
  if (period !== null) return pos + 1 + period.length;
  const magnitude = firstAt(text, pos + 1, end, PER_MAGNITUDES);
  const at = pos + 1 + (magnitude?.length ?? 0);
  const thing = firstAt(text, at, end, PER_THINGS);
  return thing === null ? pos : at + thing.length;
}

/** First characters of every unit and magnitude: anything else after a number is no unit. */
const UNIT_FIRST = new Set(
  [...RATE_UNITS, ...WEAK_UNITS, ...COUNT_UNITS, ...MAGNITUDES, '元', '/', '／'].map((u) => u.charAt(0)),
);

/** Reads the unit printed right after a number (one space allowed between, as PDF text often has). */
export function readUnit(text: string, pos: number, end: number): UnitMatch | null {
  let p = pos;
  if ((text[p] === ' ' || text[p] === '\u3000') && p + 1 < end) p++;
  if (!UNIT_FIRST.has(text.charAt(p))) return null;
  const slash = text[p];
  if (slash === '/' || slash === '／') {
    const per = firstAt(text, p + 1, end, PER_POPULATION);
    if (per === null) return null;
    return { unit: text.slice(p, p + 1 + per.length), kind: 'rate', end: p + 1 + per.length };
  }
  const rate = firstAt(text, p, end, RATE_UNITS);
  if (rate !== null) return { unit: rate, kind: 'rate', end: p + rate.length };

  let q = p;
  const magnitude = firstAt(text, q, end, MAGNITUDES);
  if (magnitude !== null) q += magnitude.length;
  if (startsWithAt(text, q, end, '元')) {
    const e = withSlashPeriod(text, q + 1, end);
    return { unit: text.slice(p, e), kind: 'money', end: e };
  }
  const weak = firstAt(text, q, end, WEAK_UNITS);
  if (weak !== null) {
    const e = withSlashPeriod(text, q + weak.length, end);
    return { unit: text.slice(p, e), kind: 'weak', end: e };
  }
  const count = firstAt(text, q, end, COUNT_UNITS);
  if (count !== null) {
    const e = withSlashPeriod(text, q + count.length, end);
    return { unit: text.slice(p, e), kind: 'count', end: e };
  }
  if (magnitude !== null && magnitude !== '千') return { unit: magnitude, kind: 'count', end: q };
  return null;
}

const TIME_AND_ORDINAL_FOLLOWERS = [
  '周年',
  '周岁',
  '岁',
  '年',
  '月',
  '日',
  '号',
  '时',
  '秒',
  '届',
  '级',
  '型',
  '代',
  '世纪',
  '季度',
  '版',
  '楼',
  '章',
  '款',
  '部分',
];

/**
 * True when the number is a date, an age, an ordinal or a model/grade (2021年, 6月, 3岁, 二级, 2型, 5G):
 * such a number is never a target, whatever verb stands before it.
 */
export function isNonQuantityFollower(text: string, pos: number, end: number): boolean {
  let p = pos;
  if ((text[p] === ' ' || text[p] === '\u3000') && p + 1 < end) p++;
  const ch = text[p];
  if (ch === undefined) return false;
  if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '+' || ch === '＋') return true;
  return firstAt(text, p, end, TIME_AND_ORDINAL_FOLLOWERS) !== null;
}
