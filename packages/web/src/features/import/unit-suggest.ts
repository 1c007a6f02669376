import type { UnitDto } from '../../api/endpoints.js';

function bigrams(text: string): string[] {
  const chars = Array.from(text);
  return chars.slice(0, -1).map((c, i) => c + (chars[i + 1] ?? ''));
}

/** Dice coefficient of character bigrams: 规信科 vs 规划信息科 scores above unrelated names. */
function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const at = pool.indexOf(g);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** Every character of `short` appears in `long` in order: the usual shape of an abbreviation. */
function isAbbreviation(short: string, long: string): boolean {
  let at = 0;
  for (const c of long) if (c === short[at]) at++;
  return short.length >= 2 && at === short.length;
}

export function scoreUnit(printed: string, unit: Pick<UnitDto, 'name' | 'aliases'>): number {
  const name = printed.trim();
  let best = 0;
  for (const candidate of [unit.name, ...unit.aliases]) {
    if (candidate === name) return 100;
    if (candidate.includes(name) || name.includes(candidate)) best = Math.max(best, 80);
    if (isAbbreviation(name, candidate)) best = Math.max(best, 75);
    best = Math.max(best, Math.round(dice(name, candidate) * 70));
  }
  return best;
}

/** Units that a printed name most likely means, best first; only plausible ones. */
export function suggestUnits(printed: string, units: readonly UnitDto[], limit = 5): UnitDto[] {
  return units
    .map((unit) => ({ unit, score: scoreUnit(printed, unit) }))
    .filter((s) => s.score >= 30)
    .sort((a, b) => b.score - a.score || a.unit.name.localeCompare(b.unit.name, 'zh-CN'))
    .slice(0, limit)
    .map((s) => s.unit);
}

/** A unit kind guessed from the printed name, for the "create unit" form. */
export function guessKind(name: string): UnitDto['kind'] {
  if (/(县|市|区|旗)(卫生健康局|卫健局)$/.test(name)) return 'county';
  if (/(科|处|室|办公室|办)$/.test(name)) return 'department';
  if (/(医院|卫生院|中心)$/.test(name)) return 'affiliated';
  return 'other';
}

/** Aliases typed in one box, separated by commas (either width), 、 or spaces. */
export function splitAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
}
