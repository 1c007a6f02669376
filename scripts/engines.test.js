import { readFileSync } from 'node:fs';
import { URL } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));

describe('the installed tree runs on the Node the README promises', () => {
  it('locks no package whose engines exclude the lowest supported Node (npm would warn EBADENGINE)', () => {
    const lowest = semver.minVersion(root.engines.node)?.version;
    expect(lowest).toBe('20.19.0');
    const excluded = Object.entries(lock.packages)
      .filter(([, pkg]) => typeof pkg.engines?.node === 'string')
      .filter(([, pkg]) => !semver.satisfies(lowest, pkg.engines.node))
      .map(([path, pkg]) => `${path}@${pkg.version} needs node ${pkg.engines.node}`);
    expect(excluded).toEqual([]);
  });
});
