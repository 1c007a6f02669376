/*
 * A plan restates last year's results (2020年全市…达到…; 已建成…; 去年…) before setting this year's
 * targets. Those results are not commitments.
 */

const YEAR_MENTION = /(?:19|20)[0-9]{2}(?=年)/gu;
/** Words before a year that make it a comparison base, a span end or a deadline, not the time of a result. */
const NOT_PAST_BEFORE = /(?:较|比|与|同|到|[^截]至|^至|于|-|－|—|～|~)$/u;
/** Words after 年 that make the year a base or a deadline (2020年基础上, 2020年底前). */
const NOT_PAST_AFTER =
  /^年(?:底|末)?(?:前|以前|之前|基础上|的基础|水平|同期|相比|度目标|目标)|^年(?:底|末)?的?[0-9.]{1,8}[^\s，。；,;0-9]{0,4}?的?基础上/u;
const LAST_YEAR = /(?:^|[^较比同与])(?:去年|上年|上一年)/u;
const ALREADY = /已(?!于)/u;
const LEAD_NOISE =
  /^[\s\u3000]*(?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]|[一二三四五六七八九十]{1,3}是)?/u;

function pastYearIn(s: string, planYear: number): boolean {
  for (const m of s.matchAll(YEAR_MENTION)) {
    const y = Number(m[0]);
    if (y >= planYear) continue;
    const at = m.index;
    const before = s.slice(Math.max(0, at - 2), at);
    if (/[0-9]$/u.test(before) || NOT_PAST_BEFORE.test(before)) continue;
    if (NOT_PAST_AFTER.test(s.slice(at + 4, at + 24))) continue;
    return true;
  }
  return false;
}

/**
 * True when the number is a past result. `sentence` runs from the sentence start to the number;
 * `clause` from the clause start to the number (a suffix of `sentence`).
 */
export function isPastResult(sentence: string, clause: string, planYear: number | null): boolean {
  if (ALREADY.test(clause)) return true;
  if (LAST_YEAR.test(sentence.slice(0, 12))) return true;
  if (planYear === null) return false;
  // A year that frames the whole sentence (2020年，全市…) or sits in the number's own clause.
  const lead = LEAD_NOISE.exec(sentence)?.[0].length ?? 0;
  const opening = sentence.slice(lead, lead + 14);
  // …unless the number's own clause turns to this year (2023年，…下降到4.2‰，今年要控制在4‰以内), or an
  // earlier clause already did (2025年已完成12家，今年再改造20家，…每个乡镇卫生院至少培养1名).
  const turnsToNow =
    /今年|本年|年内|年底前|力争|确保|争取|要|将/u.test(clause) ||
    /今年|本年|年内|年底前/u.test(sentence.slice(0, sentence.length - clause.length));
  if (
    !turnsToNow &&
    /^(?:回顾|回首)?(?:截至|截止|截止到)?(?:19|20)[0-9]{2}年/u.test(opening) &&
    pastYearIn(opening, planYear)
  ) {
    return true;
  }
  return pastYearIn(clause, planYear);
}
