/**
 * What one document may cost to read. Every limit is checked while the work is done, so reading stops
 * before the limit is passed rather than after the memory or time is spent.
 */
export interface ParseLimits {
  /** Bytes a container (.docx) may inflate to, all parts together, counted while inflating. */
  maxInflatedBytes: number;
  /** Characters of text the document may hold. */
  maxCharacters: number;
  /** Numbered items (at every level) one plan may hold. */
  maxItems: number;
}

/** Generous for real plans (the corpus's largest holds well under a tenth of each), small for a bomb. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxInflatedBytes: 32 * 1024 * 1024,
  maxCharacters: 2_000_000,
  maxItems: 5_000,
};

/** The last two are enforced by the caller that runs the engine (the server's reading worker). */
export type ParseLimitName = 'inflated_bytes' | 'characters' | 'items' | 'parse_ms' | 'heap_mb';

const LIMIT_WORDS: Record<ParseLimitName, (value: number) => string> = {
  inflated_bytes: (value) => `解压后的内容超过上限 ${formatMiB(value)}（${String(value)} 字节）`,
  characters: (value) => `文档文字超过上限 ${String(value)} 字`,
  items: (value) => `计划条目超过上限 ${String(value)} 条`,
  parse_ms: (value) => `解析用时超过上限 ${String(Math.round(value / 100) / 10)} 秒`,
  heap_mb: (value) => `解析所需内存超过上限 ${String(value)} MB`,
};

function formatMiB(bytes: number): string {
  return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** The Chinese message that names a limit and its value. */
export function limitMessage(name: ParseLimitName, value: number): string {
  return `${LIMIT_WORDS[name](value)}，已停止读取`;
}

/** Checks caller-supplied limits: each a positive safe integer. */
export function resolveLimits(given: Partial<ParseLimits> | undefined): ParseLimits | string {
  const limits = { ...DEFAULT_PARSE_LIMITS, ...given };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) return `${key} 必须是正整数，收到 ${String(value)}`;
  }
  return limits;
}
