import { buildPlan } from './build-plan.js';
import { ParseError, isParseError } from './errors.js';
import { loadDocument } from './load/load-document.js';
import type { Plan } from './plan.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ParsePlanOptions {
  /** Shown in `input.fileName`; the format is always read from the bytes, never from the name. */
  fileName?: string;
  /** Inputs larger than this are refused with `too_large` (default 20 MB). */
  maxBytes?: number;
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
  try {
    const loaded = await loadDocument(bytes, { maxBytes });
    const plan = buildPlan(loaded, { fileName: options.fileName ?? null, bytes: bytes.length });
    if (plan.text.trim().length === 0) throw new ParseError('empty_document', '文档中没有可读的文字');
    return plan;
  } catch (error) {
    if (isParseError(error)) throw error;
    throw new ParseError('internal_error', '解析文档时发生内部错误', { cause: error });
  }
}
