import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsBuild, writeStamp } from './build-if-changed.js';

const dirs = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'yaodian-build-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'dist'));
  writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'dist', 'a.js'), 'export const a = 1;\n');
  return { root, part: { name: 'demo', inputs: ['src'], outputs: ['dist/a.js'], command: ['true', []] } };
}

describe('build only when the sources changed', () => {
  it('builds once, then skips until a source changes', () => {
    const { root, part } = project();
    expect(needsBuild(root, part)).toBe('never built here');
    writeStamp(root, part);
    expect(needsBuild(root, part)).toBeNull();
    writeFileSync(path.join(root, 'src', 'a.ts'), 'export const a = 2;\n');
    expect(needsBuild(root, part)).toBe('sources changed');
    writeStamp(root, part);
    writeFileSync(path.join(root, 'src', 'b.ts'), 'export const b = 1;\n');
    expect(needsBuild(root, part)).toBe('sources changed');
  });

  it('ignores a touch that leaves the content as it was, and rebuilds a missing output', () => {
    const { root, part } = project();
    writeStamp(root, part);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src', 'a.ts'), later, later);
    expect(needsBuild(root, part)).toBeNull();
    rmSync(path.join(root, 'dist'), { recursive: true });
    expect(needsBuild(root, part)).toBe('output missing');
  });
});
