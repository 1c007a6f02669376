/*
 * What text may hold (等保2.0 入侵防范: 数据有效性检验). Checked once at the HTTP boundary for every
 * request (http/input-guard.ts) and by the services that take text from elsewhere (file names).
 */

/** Bidirectional controls: they make `…\u202Egnp.exe` read as "exe.png". */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Zero-width and invisible joiners/spaces: they make `办公\u200B室` look like 办公室. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/u;
const INVISIBLE_ALL =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/gu;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units). */
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'nul' | 'unpaired_surrogate' | 'invisible';

/** The first thing wrong with a string anywhere in the input, or null. */
export function textProblem(text: string, isName: boolean): TextProblem | null {
  if (text.includes('\u0000')) return 'nul';
  if (UNPAIRED.test(text)) return 'unpaired_surrogate';
  if (isName && (BIDI.test(text) || INVISIBLE.test(text))) return 'invisible';
  return null;
}

/** Removes bidirectional controls and zero-width characters (for names taken from files, not typed). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}

/** Fields that are names people read and compare; in these an invisible character is refused. */
export const NAME_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'names',
  'displayName',
  'username',
  'alias',
  'aliases',
  'fileName',
  'unitName',
  'tenant',
  'code',
]);

export interface FoundProblem {
  field: string;
  problem: TextProblem;
}

/** Walks a parsed body, query or params (keys too) and returns the first offending string with its path. */
export function findTextProblem(
  value: unknown,
  path: readonly string[] = [],
  inName = false,
): FoundProblem | null {
  if (typeof value === 'string') {
    const problem = textProblem(value, inName);
    return problem ? { field: path.join('.') || 'body', problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findTextProblem(item, [...path, String(i)], inName);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key, false);
      if (keyProblem) return { field: [...path, key].join('.'), problem: keyProblem };
      const found = findTextProblem(item, [...path, key], NAME_FIELDS.has(key));
      if (found) return found;
    }
  }
  return null;
}
