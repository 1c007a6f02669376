import type { RollupMethod } from '../../db/schema.js';

/** What a target's kind says about rolling it up (the fields of a target row that decide it). */
export interface TargetKind {
  metric: string;
  text: string;
  unit: string;
  op: '>=' | '<=' | '=' | '~' | 'range';
  basis: 'level' | 'change';
  direction: 'higher' | 'lower';
}

/** Units that are rates or shares: a city's rate is its counties' rates weighted, never their sum. */
const RATE_UNIT = /[%‰％]|百分点|\/\s*(?:10|1)?万|\/\s*千|每(?:千|万|十万)/;
/** Words that ask every county to reach the line itself: the city's figure is the weakest county's. */
const EVERY_COUNTY = /全部|均(?:达到|不低于|不少于|保持|在)|每个|各县|县县|全覆盖|100%/;

/**
 * The default roll-up of a target by its kind: a threshold every county must reach → `min` (the weakest county);
 * a rate, a share, a per-population figure or a change in points → `weighted_mean`; a count or an amount
 * (新增托位4000个, 投入2亿元) → `sum`. The city planner may override it per target.
 */
export function defaultRollupMethod(target: TargetKind): RollupMethod {
  const words = `${target.metric}${target.text}`;
  if (EVERY_COUNTY.test(words) && target.op !== '~') return 'min';
  if (RATE_UNIT.test(target.unit) || target.basis === 'change' || /率|比例|占比/.test(target.metric))
    return 'weighted_mean';
  return 'sum';
}

export interface CountyValue {
  value: number;
  /** The county's weight for a weighted mean (population …); missing: the county weighs 1. */
  weight?: number | undefined;
}

/**
 * The city's figure from its counties' ACCEPTED values (the caller passes nothing else): the sum, the mean
 * weighted by `weight`, or the weakest county — the minimum where higher is better, the maximum where lower is
 * (a mortality rate every county must keep under the line is as good as its worst county). Null without values.
 */
export function rollUp(
  method: RollupMethod,
  direction: 'higher' | 'lower',
  values: readonly CountyValue[],
): number | null {
  if (values.length === 0) return null;
  if (method === 'sum') return round(values.reduce((s, v) => s + v.value, 0));
  if (method === 'min') {
    const all = values.map((v) => v.value);
    return direction === 'lower' ? Math.max(...all) : Math.min(...all);
  }
  const weighed = values.map((v) => ({ value: v.value, weight: v.weight ?? 1 }));
  const total = weighed.reduce((s, v) => s + v.weight, 0);
  if (total <= 0) return null;
  return round(weighed.reduce((s, v) => s + v.value * v.weight, 0) / total);
}

/** Six decimals: sums of decimals otherwise print 0.30000000000000004. */
export function round(value: number, decimals = 6): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** How many decimals a figure is written with (4000 → 0, 2.5 → 1): a split keeps the city's precision. */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(text.length - dot - 1, 4);
}

/**
 * Splits a city total among counties in proportion to their weights, at the total's precision, by largest
 * remainders so the shares add up to the total exactly (4000 by 3:2:1 → 2000, 1333, 667, never 3999).
 */
export function splitByWeights(
  total: number,
  weights: readonly { key: string; weight: number }[],
): { key: string; value: number }[] {
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  if (weights.length === 0 || sum <= 0) return weights.map((w) => ({ key: w.key, value: 0 }));
  const scale = 10 ** decimalsOf(total);
  const units = Math.round(total * scale);
  const exact = weights.map((w) => ({ key: w.key, share: (units * w.weight) / sum }));
  const floors = exact.map((e) => ({
    key: e.key,
    units: Math.floor(e.share),
    rest: e.share - Math.floor(e.share),
  }));
  let left = units - floors.reduce((s, f) => s + f.units, 0);
  const byRest = [...floors].sort((a, b) => b.rest - a.rest || a.key.localeCompare(b.key));
  for (const f of byRest) {
    if (left <= 0) break;
    f.units += 1;
    left -= 1;
  }
  return floors.map((f) => ({ key: f.key, value: f.units / scale }));
}

/** Whether a county's value meets what was asked of it (its quota, or the city's line). */
export function meets(
  op: TargetKind['op'],
  direction: 'higher' | 'lower',
  value: number,
  asked: number,
): boolean {
  if (op === '<=' || (op !== '>=' && direction === 'lower')) return value <= asked;
  return value >= asked;
}
