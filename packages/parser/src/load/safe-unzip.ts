import { Inflate, unzipSync } from 'fflate';
import { limitExceeded, ParseError } from '../errors.js';

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

interface DirectoryEntry {
  name: string;
  compression: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

function corrupt(message: string): ParseError {
  return new ParseError('corrupt_container', message);
}

/** 64-bit little-endian as a number; sizes past 2^53 are refused as corrupt. */
function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('A zip size or offset is out of range');
  return Number(value);
}

/** Where each wanted entry's data starts and how long it is, read from the central directory (zip64 too). */
function readDirectory(bytes: Uint8Array, wanted: (name: string) => boolean): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt('The zip container has no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20) {
    const locator = eocd - 20;
    if (view.getUint32(locator, true) === ZIP64_EOCD_LOCATOR) {
      const record = u64(view, locator + 8);
      if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD)
        throw corrupt('The zip64 directory record is damaged');
      count = u64(view, record + 32);
      offset = u64(view, record + 48);
    }
  }
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw corrupt('The zip central directory is damaged');
    const compression = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw corrupt('The zip central directory is damaged');
    const name = new TextDecoder().decode(bytes.subarray(at + 46, nameEnd));
    // Zip64 extra field: the 64-bit values follow in a fixed order, present only where the 32-bit one is full.
    for (let x = nameEnd; x + 4 <= nameEnd + extraLength;) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let field = x + 4;
        if (uncompressed === 0xffffffff) field += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(view, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(view, field);
      }
      x += 4 + size;
    }
    if (wanted(name)) entries.push({ name, compression, compressedSize, localHeaderOffset });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** The entry's stored bytes, found through its local header. */
function entryData(bytes: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw corrupt(`Zip entry ${entry.name} has no local header`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`Zip entry ${entry.name} runs past the end of the file`);
  return bytes.subarray(start, end);
}

/**
 * Deflate turns one input byte into at most ~1032 output bytes, so feeding 1 KiB at a time bounds what one
 * step can produce to about 1 MiB; the budget is checked before a step's output is kept, so the total
 * never passes the limit.
 */
const INFLATE_STEP = 1024;

class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}

  take(bytes: number): void {
    if (this.used + bytes > this.limit) throw limitExceeded('inflated_bytes', this.limit);
    this.used += bytes;
  }
}

function inflateEntry(data: Uint8Array, entry: DirectoryEntry, budget: InflateBudget): Uint8Array {
  if (entry.compression === 0) {
    budget.take(data.length);
    return data.slice();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = { ended: false };
  const inflater = new Inflate((chunk, final) => {
    budget.take(chunk.length);
    chunks.push(chunk);
    total += chunk.length;
    if (final) stream.ended = true;
  });
  try {
    for (let at = 0; at < data.length && !stream.ended; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError('corrupt_container', `Zip entry ${entry.name} cannot be inflated`, { cause: error });
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Inflates the named entries after checking the whole directory. Inflating streams in small steps and
 * counts every byte it produces against `maxInflatedBytes` (all entries together), so a container that
 * under-declares its sizes or inflates far past them stops at the limit, never after it.
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxInflatedBytes: number,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  checkZipDirectory(listZip(bytes), limits);
  const budget = new InflateBudget(maxInflatedBytes);
  const files = new Map<string, Uint8Array>();
  for (const entry of readDirectory(bytes, wanted)) {
    if (entry.compression !== 0 && entry.compression !== 8)
      throw corrupt(`Zip entry ${entry.name} uses compression method ${String(entry.compression)}`);
    files.set(entry.name, inflateEntry(entryData(bytes, entry), entry, budget));
  }
  return files;
}
