import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES } from '@yaodian/core';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

const sources = (folder: string): { file: string; text: string }[] =>
  readdirSync(join(SRC, folder))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: `${folder}/${f}`, text: readFileSync(join(SRC, folder, f), 'utf8') }));

describe('policies decide by permission', () => {
  it('no service or policy compares a role name or reads actor.role (a new role in the catalogue just works)', () => {
    const roleWord = new RegExp(`(===|!==)\\s*'(${ROLES.join('|')})'|'(${ROLES.join('|')})'\\s*(===|!==)`);
    const offenders = [...sources('services'), ...sources('policies')]
      .filter(
        ({ file, text }) =>
          roleWord.test(text) || (file !== 'policies/authorize.ts' && /\bactor\.role\b/.test(text)),
      )
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
