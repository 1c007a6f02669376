const ADMIN = '(?:自治区|自治州|自治县|省|市|州|地区|盟|县|旗|区)';
const BEFORE_COMMISSION = new RegExp(
  `([\\u4e00-\\u9fa5xX×*＊]{1,8}?${ADMIN})(?=卫生健康|卫健|卫生和计划生育|卫生局|人民政府)`,
  'g',
);
const IN_TITLE = new RegExp(`^(?:\\d{4}年(?:度)?)?([\\u4e00-\\u9fa5xX×*＊]{1,8}?${ADMIN})`);
// 全市, 本县, 各区 are no place; 年全市 is the tail of "2026年全市".
const NOT_A_NAME = /^(年|度|全|本|各|我|该|市|县|区|省|州)|全[市县区省州]/;
const ANONYMISED = /^[xX×*＊某]+/;
const INNER_ADMIN = new RegExp(`^.+?${ADMIN}(?=.{2,})`);

export interface RegionResult {
  region: string | null;
  anonymised: boolean;
}

/** The place the plan is for, as printed with its suffix (安庆市, 灵璧县), from the title and the issuer. */
export function findRegion(candidates: readonly (string | null | undefined)[], context = ''): RegionResult {
  const healthy = healthyPlace(candidates[0] ?? null, [...candidates.slice(1), context]);
  if (healthy) return { region: healthy, anonymised: false };
  for (const candidate of candidates) {
    if (!candidate) continue;
    const names: string[] = [];
    // 栖屏市岚溪区卫生健康局: the full chain before the commission first, so the district wins over its city.
    for (const m of candidate.matchAll(BEFORE_COMMISSION)) if (m[1]) names.push(m[1]);
    const title = IN_TITLE.exec(candidate);
    if (title?.[1]) names.push(title[1]);
    for (const raw of names) {
      if (ANONYMISED.test(raw)) return { region: null, anonymised: true };
      const name = innermost(raw);
      if (name.length >= 2 && !NOT_A_NAME.test(name)) return { region: name, anonymised: false };
    }
  }
  return { region: null, anonymised: false };
}

/** 安徽省安庆市 → 安庆市: the plan belongs to the smallest place printed. */
function innermost(name: string): string {
  let current = name;
  for (let i = 0; i < 3; i++) {
    const m = INNER_ADMIN.exec(current);
    if (!m) break;
    const rest = current.slice(m[0].length);
    if (rest.length < 2 || NOT_A_NAME.test(rest)) break;
    current = rest;
  }
  return current;
}

const HEALTHY_NAME = /健康([\u4e00-\u9fa5]{2,4}?)(?:行动|城市|促进|建设|乡村)/;

/**
 * 健康岚溪行动: the place inside a 健康X name, printed with its suffix where the issuer or the text names it
 * (岚溪区), so the plan belongs to the district rather than the city above it.
 */
function healthyPlace(title: string | null, others: readonly (string | null | undefined)[]): string | null {
  const m = title ? HEALTHY_NAME.exec(title) : null;
  const place = m?.[1];
  if (!place || new RegExp(`^${ADMIN}`).test(place)) return null;
  const printed = new RegExp(`${place}${ADMIN}`);
  for (const other of others) {
    const found = other ? printed.exec(other) : null;
    if (found) return found[0];
  }
  return null;
}
