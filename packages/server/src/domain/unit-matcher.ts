import { stripInvisible } from './text-safety.js';
/** What the tenant knows about its units, for matching names as a plan prints them. */
export interface UnitDirectory {
  units: readonly { id: string; name: string }[];
  aliases: readonly { alias: string; unit_id: string }[];
  /** Collective names (各县市区卫生健康局) → member unit ids. */
  groups: ReadonlyMap<string, readonly string[]>;
  /** The plan's own abbreviations (规信科 → 规划信息科). */
  planAliases: readonly { short: string; full: string }[];
}

/** Printed names differ in spaces and brackets: 各县（市、区）卫生健康局 = 各县市区卫生健康局. */
export function unitKey(name: string): string {
  // NFKC folds full-width and compatibility forms; invisible characters never make a second name.
  return stripInvisible(name.normalize('NFKC')).replace(/[\s（）()、·]/g, '');
}

/** Returns the unit ids a printed name stands for, or null when nothing matches. */
export function createUnitMatcher(directory: UnitDirectory): (printed: string) => string[] | null {
  const byKey = new Map<string, string[]>();
  const add = (name: string, ids: readonly string[]): void => {
    const key = unitKey(name);
    if (key && !byKey.has(key)) byKey.set(key, [...ids]);
  };
  for (const unit of directory.units) add(unit.name, [unit.id]);
  for (const alias of directory.aliases) add(alias.alias, [alias.unit_id]);
  for (const [name, members] of directory.groups) if (members.length > 0) add(name, members);
  for (const { short, full } of directory.planAliases) {
    const ids = byKey.get(unitKey(full));
    if (ids) add(short, ids);
  }
  return (printed) => byKey.get(unitKey(printed)) ?? null;
}
