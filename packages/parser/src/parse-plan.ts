import { buildPlan } from './build-plan.js';
import { ParseError, isParseError } from './errors.js';
import { loadDocument } from './load/load-document.js';
import { resolveLimits, type ParseLimits } from './limits.js';
import type { Plan } from './plan.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ParsePlanOptions {
  /** Shown in `input.fileName`; the format is always read from the bytes, never from the name. */
  fileName?: string;
  /** Inputs larger than this are refused with `too_large` (default 20 MB). */
  maxBytes?: number;
  /** What reading may cost (inflated bytes, characters, items); unset ones are DEFAULT_PARSE_LIMITS. */
  limits?: Partial<ParseLimits>;
}

/**
 * Reads a work-plan document into Plan JSON v1. Rejects only with a ParseError carrying a stable code.
 */
export async function parsePlan(bytes: Uint8Array, options: ParsePlanOptions = {}): Promise<Plan> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(bytes instanceof Uint8Array))
    throw new ParseError('invalid_options', '输入必须是字节数组（Uint8Array）');
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new ParseError('invalid_options', `maxBytes 必须是正整数，收到 ${String(options.maxBytes)}`);
  }
  const limits = resolveLimits(options.limits);
  if (typeof limits === 'string') throw new ParseError('invalid_options', limits);
  try {
    const loaded = await loadDocument(bytes, {
      maxBytes,
      maxInflatedBytes: limits.maxInflatedBytes,
      maxCharacters: limits.maxCharacters,
    });
    const plan = buildPlan(
      loaded,
      { fileName: options.fileName ?? null, bytes: bytes.length },
      limits.maxItems,
    );
    if (plan.text.trim().length === 0) throw new ParseError('empty_document', '文档中没有可读的文字');
    return plan;
  } catch (error) {
    if (isParseError(error)) throw error;
    throw new ParseError('internal_error', '解析文档时发生内部错误', { cause: error });
  }
}
