import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMON_ERRORS, ERRORS, RESOURCE_NAMES, TEXT_PROBLEMS } from './error-messages.js';

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CJK = /[\u4e00-\u9fff]/;
/** A string literal (quoted or template) opening with an English word right after an error's code. */
const INLINE_ENGLISH = /(?:AppError\(\s*'[a-z_]+',|stateConflict\(|forbidden\()\s*['"`][A-Za-z][a-z]+ /;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every string a catalogue entry yields, functions called with sample arguments. */
function messagesOf(catalogue: object): string[] {
  return Object.values(catalogue).flatMap((value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (typeof value === 'function') return [String((value as (...a: unknown[]) => unknown)('x', 'y'))];
    if (typeof value === 'object' && value !== null) return messagesOf(value);
    return [];
  });
}

describe('server error messages', () => {
  it('are Chinese in every catalogue entry', () => {
    const all = [COMMON_ERRORS, ERRORS, RESOURCE_NAMES, TEXT_PROBLEMS].flatMap(messagesOf);
    expect(all.length).toBeGreaterThan(80);
    expect(all.filter((m) => !CJK.test(m))).toEqual([]);
  });

  it('are never an English sentence written where an error is thrown', () => {
    const offenders = sourceFiles(SRC).filter((file) => INLINE_ENGLISH.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('catches an English message planted where an error is thrown', () => {
    const planted = "throw new AppError('state_conflict', 'The plan is archived');";
    expect(
      /(?:AppError\(\s*'[a-z_]+',|stateConflict\(|forbidden\()\s*['"`][A-Za-z][a-z]+ /.test(planted),
    ).toBe(true);
  });
});
