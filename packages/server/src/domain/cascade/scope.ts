import { unitKey } from '../unit-matcher.js';

/**
 * Whether a printed responsible party stands for every county of the commission: 各县市区卫生健康局,
 * 各县（市、区）卫生健康局, 各区县卫健局, 各县区 … — a collective (各…) naming county-level places. Used where a
 * plan's clause names them but no unit of the city matched the name (the city has no county bureau units yet).
 */
export function namesAllCounties(printed: string): boolean {
  const key = unitKey(printed);
  if (!key.startsWith('各')) return false;
  const places = key.slice(1, 6);
  return /[县区]/.test(places);
}
