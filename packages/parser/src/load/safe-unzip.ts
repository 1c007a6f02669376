import { unzipSync } from 'fflate';
import { ParseError } from '../errors.js';

/** Limits checked against the zip's central directory before anything is inflated. */
export interface ZipLimits {
  maxEntries: number;
  /** Largest declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Largest declared uncompressed/compressed ratio for an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 400,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

function isZipStart(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && isZipStart(bytes);
}

/** Lists the central directory without inflating anything. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({
          name: file.name,
          size: file.size,
          originalSize: file.originalSize,
          compression: file.compression,
        });
        // fflate reads the whole directory even when a filter refuses every entry; stop early on absurd counts.
        if (entries.length > DEFAULT_ZIP_LIMITS.maxEntries * 10) throw new RangeError('too many zip entries');
        return false;
      },
    });
  } catch (error) {
    if (error instanceof RangeError && entries.length > DEFAULT_ZIP_LIMITS.maxEntries) {
      throw new ParseError('unsafe_container', 'The zip container holds too many entries', { cause: error });
    }
    throw new ParseError('corrupt_container', 'The zip container is damaged', { cause: error });
  }
  return entries;
}

/** Rejects a directory that declares more than the limits allow (a zip bomb) with 'unsafe_container'. */
export function checkZipDirectory(
  entries: readonly ZipEntryInfo[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): void {
  if (entries.length > limits.maxEntries) {
    throw new ParseError('unsafe_container', `The zip container holds ${entries.length} entries`);
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.originalSize > limits.maxEntryBytes) {
      throw new ParseError(
        'unsafe_container',
        `Zip entry ${entry.name} declares ${entry.originalSize} bytes`,
      );
    }
    if (entry.originalSize > limits.ratioFloorBytes && entry.originalSize > entry.size * limits.maxRatio) {
      throw new ParseError(
        'unsafe_container',
        `Zip entry ${entry.name} declares a compression ratio above ${limits.maxRatio}`,
      );
    }
    if (entry.compression !== 0 && entry.compression !== 8) {
      throw new ParseError(
        'corrupt_container',
        `Zip entry ${entry.name} uses compression method ${entry.compression}`,
      );
    }
    total += entry.originalSize;
  }
  if (total > limits.maxTotalBytes) {
    throw new ParseError('unsafe_container', `The zip container declares ${total} bytes in all`);
  }
}

/**
 * Inflates the named entries after checking the whole directory. fflate inflates each entry into a
 * buffer of its declared size and never grows it, so the checked sizes also cap what inflating writes.
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  checkZipDirectory(listZip(bytes), limits);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch (error) {
    throw new ParseError('corrupt_container', 'The zip container is damaged', { cause: error });
  }
  return new Map(Object.entries(files));
}
