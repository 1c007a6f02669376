import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * 等保2.0 三级 · 安全计算环境 (恶意代码防范, 软件供应链): lockfile-only installs, an audit of what ships, and a
 * short reviewed list of runtime dependencies, each with why it is there (docs/SECURITY.md).
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

function runtimeDependencies(): Set<string> {
  const names = new Set<string>();
  for (const pkg of readdirSync(join(ROOT, 'packages'))) {
    const file = join('packages', pkg, 'package.json');
    if (!existsSync(join(ROOT, file))) continue;
    const json = JSON.parse(read(file)) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(json.dependencies ?? {}))
      if (!name.startsWith('@yaodian/')) names.add(name);
  }
  return names;
}

function reviewedDependencies(): Set<string> {
  const doc = read('docs/SECURITY.md');
  const section = doc.slice(doc.indexOf('## Dependency hygiene'), doc.indexOf('## The database roles'));
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const cell = /^\| ([^|]+) \| [^|]+ \| [^|]+ \|$/.exec(line)?.[1];
    if (!cell || cell.startsWith('runtime dependency') || cell.startsWith('---')) continue;
    for (const name of cell.split(',')) names.add(name.trim());
  }
  return names;
}

describe('等保2.0 三级 · 安全计算环境 (dependency hygiene)', () => {
  it('lists every runtime dependency in docs/SECURITY.md with why, and nothing that is gone', () => {
    const used = [...runtimeDependencies()].sort();
    const reviewed = [...reviewedDependencies()].sort();
    expect(
      used.filter((name) => !reviewed.includes(name)),
      'not reviewed',
    ).toEqual([]);
    expect(
      reviewed.filter((name) => !used.includes(name)),
      'reviewed but no longer used',
    ).toEqual([]);
  });

  it('installs from the lockfile only and audits what ships in CI', () => {
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).not.toMatch(/^npm install\b/m);
    expect(ci).toContain('npm audit --omit=dev');
  });
});
